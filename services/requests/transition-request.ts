import type { Clock } from '../clock.js';
import { assertTransition, type RequestStatus } from '../domain/request-lifecycle.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { DocumentStore, Stored } from '../store/document-store.js';

export interface Actor {
  personId: string;
}

/**
 * Moves a request to a new status with an etag check, recording who, when, from and to in the
 * request's own history so the change and its audit entry are one write.
 */
export async function transitionRequest(
  store: DocumentStore,
  clock: Clock,
  request: Stored<SupportRequest>,
  to: RequestStatus,
  actor: Actor,
  changes: Partial<Omit<SupportRequest, 'id' | 'allianceId' | 'type' | 'status' | 'history'>> = {},
  note?: string,
): Promise<Stored<SupportRequest>> {
  assertTransition(request.status, to);
  const at = clock.now().toISOString();
  const next: SupportRequest = {
    ...request,
    ...changes,
    status: to,
    updatedAt: at,
    history: [
      ...request.history,
      { at, by: actor.personId, action: 'status', from: request.status, to, ...(note ? { note } : {}) },
    ],
  };
  return store.replace(next, request._etag);
}
