import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { DeclineInput, SupportRequest } from '../domain/support-request.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { assertCanEnd, endRequest } from './end-request.js';
import { matchedDeployment } from './matched-deployment.js';

const AFTER_DELIVERY = 'Once support is delivered, the alliance manager closes it.';

const NOT_YOURS = 'Only the head who asked, or one the alliance named on it, can withdraw a request; the alliance manager can close it.';

/** Who speaks for the school on a request: the head who asked, or a head a manager named on its deployment. */
export function speaksForSchool(person: Person, request: SupportRequest, deployment?: Deployment): boolean {
  return person.role === 'head' && !person.erasedAt && (person.id === request.requesterId || (deployment?.schoolHeadIds.includes(person.id) ?? false));
}

/** The request, if this head may withdraw it now: she speaks for the school on it, and it is not yet delivered. */
export async function withdrawableRequest(ctx: ServiceContext, head: Person, requestId: string): Promise<Stored<SupportRequest>> {
  if (head.role !== 'head') throw new ForbiddenError(NOT_YOURS);
  const request = await getRecord(ctx, head.allianceId, requestId, 'supportRequest');
  // Another school's request reads as no request at all.
  if (!head.baseSchoolUrn || head.baseSchoolUrn !== request.schoolUrn) throw new NotFoundError('That request');
  if (!speaksForSchool(head, request, await matchedDeployment(ctx, request))) throw new ForbiddenError(NOT_YOURS);
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
