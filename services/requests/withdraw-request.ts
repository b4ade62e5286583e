import type { Person } from '../domain/person.js';
import type { DeclineInput, SupportRequest } from '../domain/support-request.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { assertCanEnd, endRequest } from './end-request.js';

const AFTER_DELIVERY = 'Once support is delivered, the alliance manager closes it.';

/** The request, if this head may withdraw it now: her school's, and not yet delivered. */
export async function withdrawableRequest(ctx: ServiceContext, head: Person, requestId: string): Promise<Stored<SupportRequest>> {
  if (head.role !== 'head') throw new ForbiddenError('Only the head of the school that asked can withdraw a request; the alliance manager can close it.');
  const request = await getRecord(ctx, head.allianceId, requestId, 'supportRequest');
  // Another school's request reads as no request at all.
  if (!head.baseSchoolUrn || head.baseSchoolUrn !== request.schoolUrn) throw new NotFoundError('That request');
  assertCanEnd(request, 'withdrawn', AFTER_DELIVERY);
  return request;
}

/**
 * A head of the requesting school withdraws its request, with a reason, at any stage before the
 * support is delivered; a supporter already matched is released (see endRequest).
 */
export async function withdrawRequest(ctx: ServiceContext, head: Stored<Person>, requestId: string, input: DeclineInput): Promise<Stored<SupportRequest>> {
  const request = await withdrawableRequest(ctx, head, requestId);
  return endRequest(ctx, request, { to: 'withdrawn', by: head.id, reason: input.reason, hint: AFTER_DELIVERY });
}
