import type { Person } from '../domain/person.js';
import type { DeclineInput, SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { assertCanEnd, endRequest } from './end-request.js';
import { requireManager } from './require-manager.js';

/** The request, if this person may close it now: a manager, and a request still open. */
export async function closableRequest(ctx: ServiceContext, manager: Person, requestId: string): Promise<Stored<SupportRequest>> {
  requireManager(manager, 'close a request');
  const request = await getRecord(ctx, manager.allianceId, requestId, 'supportRequest');
  assertCanEnd(request, 'closed');
  return request;
}

/**
 * The alliance manager closes a request with a reason: delivered (and, usually, evaluated) support,
 * or a request abandoned at any stage, whose supporter is released (see endRequest).
 */
export async function closeRequest(ctx: ServiceContext, manager: Stored<Person>, requestId: string, input: DeclineInput): Promise<Stored<SupportRequest>> {
  const request = await closableRequest(ctx, manager, requestId);
  return endRequest(ctx, request, { to: 'closed', by: manager.id, reason: input.reason });
}
