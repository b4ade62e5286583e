import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { ForbiddenError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { transitionRequest } from './transition-request.js';

/** The alliance manager closes a request whose support is delivered (and, usually, evaluated); the school is told. */
export async function closeRequest(ctx: ServiceContext, manager: Stored<Person>, requestId: string): Promise<Stored<SupportRequest>> {
  if (manager.role !== 'manager' && manager.role !== 'admin') throw new ForbiddenError('Only the alliance manager can close a request. Nothing was changed.');
  const request = await getRecord(ctx, manager.allianceId, requestId, 'supportRequest');
  return transitionRequest(ctx, request, {
    to: 'closed',
    by: manager.id,
    notify: [{ target: { kind: 'person', personId: request.requesterId }, event: { kind: 'requestDecided', requestId } }],
  });
}
