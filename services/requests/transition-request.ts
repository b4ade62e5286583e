import { writeAudited, type AuditedChange } from '../audited-write.js';
import { assertTransition, type RequestStatus } from '../domain/request-lifecycle.js';
import { requestKind, type SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export type RequestChange = Omit<AuditedChange<SupportRequest>, 'action' | 'to'> & { to: RequestStatus };

/** Moves a request to a new status, if the lifecycle allows it, as one audited write (see writeAudited). */
export async function transitionRequest(
  ctx: ServiceContext,
  request: Stored<SupportRequest>,
  change: RequestChange,
): Promise<Stored<SupportRequest>> {
  assertTransition(request.status, change.to, requestKind(request));
  return writeAudited(ctx, request, { ...change, action: 'status' });
}
