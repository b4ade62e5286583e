import { assertTransition, type RequestStatus } from '../domain/request-lifecycle.js';
import type { SupportRequest } from '../domain/support-request.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { Notification } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export interface RequestChange {
  to: RequestStatus;
  by: string;
  changes?: Partial<Omit<SupportRequest, 'id' | 'allianceId' | 'type' | 'status' | 'history'>>;
  note?: string;
  /** The record the change points at, e.g. the deployment an approval created. */
  ref?: string;
  notify?: Notification[];
}

/**
 * Moves a request to a new status with an etag check, recording who, when, from and to in the
 * request's own history so the change and its audit entry are one write. Notifications go to the
 * outbox first, conditional on this history entry, so they are neither lost nor sent for a change
 * that lost a race (see OutboxMessage.requires).
 */
export async function transitionRequest(
  ctx: ServiceContext,
  request: Stored<SupportRequest>,
  change: RequestChange,
): Promise<Stored<SupportRequest>> {
  assertTransition(request.status, change.to);
  const at = ctx.clock.now().toISOString();
  if (change.notify?.length) {
    await enqueueNotifications(
      ctx,
      request.allianceId,
      { recordId: request.id, historyIndex: request.history.length, by: change.by, to: change.to, ref: change.ref },
      change.notify,
    );
  }
  const next: SupportRequest = {
    ...request,
    ...change.changes,
    status: change.to,
    updatedAt: at,
    history: [
      ...request.history,
      {
        at, by: change.by, action: 'status', from: request.status, to: change.to,
        ...(change.note ? { note: change.note } : {}),
        ...(change.ref ? { ref: change.ref } : {}),
      },
    ],
  };
  return ctx.store.replace(next, request._etag);
}
