import { updateDeployment } from '../deployments/update-deployment.js';
import { reportsFor } from '../deployments/visit-reports.js';
import { visitsNotMade } from '../deployments/visits-not-made.js';
import type { Deployment } from '../domain/deployment.js';
import { canTransition } from '../domain/request-lifecycle.js';
import { declineInputSchema, requestKind, type SupportRequest } from '../domain/support-request.js';
import { BotError } from '../errors.js';
import type { Notification } from '../notifications/notification.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { matchedDeployment } from './matched-deployment.js';
import { REQUEST_PROGRESS } from './request-progress.js';
import { transitionRequest } from './transition-request.js';

/** Deployments whose work is not yet delivered: ending the request cancels them. */
export const UNDELIVERED: readonly Deployment['status'][] = ['proposed', 'accepted', 'planned', 'active'];

export interface EndRequest {
  to: 'withdrawn' | 'closed';
  by: string;
  reason: string;
  /** Said when the request cannot end this way, after "S2S-… is completed, so it can no longer be withdrawn." */
  hint?: string;
}

/** Refuses, in words the person reads, a request that can no longer end this way. */
export function assertCanEnd(request: SupportRequest, to: EndRequest['to'], hint?: string): void {
  if (canTransition(request.status, to, requestKind(request))) return;
  throw new BotError('conflict', `${request.reference} is ${REQUEST_PROGRESS[request.status].label.toLowerCase()}, so it can no longer be ${to}.${hint ? ` ${hint}` : ''}`);
}

/**
 * Withdraws or closes a request with the reason people read. A deployment not yet delivered is
 * cancelled first, with its agreed visits not made (so a retry after a crash finds it cancelled
 * and goes on). The history keeps who and why; the head (unless she did it), the supporter
 * and the manager channel are told, and the brokerage card shows the outcome.
 */
export async function endRequest(ctx: ServiceContext, request: Stored<SupportRequest>, end: EndRequest): Promise<Stored<SupportRequest>> {
  const { reason } = parseInput(declineInputSchema, { reason: end.reason });
  assertCanEnd(request, end.to, end.hint);
  const deployment = await matchedDeployment(ctx, request);
  if (deployment && UNDELIVERED.includes(deployment.status)) {
    await updateDeployment(ctx, deployment, {
      by: end.by,
      action: 'status',
      to: 'cancelled',
      note: reason,
      changes: { cancelledVisits: visitsNotMade(deployment, await reportsFor(ctx, deployment.allianceId, deployment.id)) },
    });
  }
  return transitionRequest(ctx, request, {
    to: end.to,
    by: end.by,
    note: reason,
    notify: toldOfChange(request, deployment, end.by, { kind: 'requestClosed', requestId: request.id }),
  });
}

/**
 * Everyone concerned with a request's change of course: the manager channel (a message, and its
 * brokerage card updated), the head who asked and any head named on the deployment, and the
 * matched supporter unless she had declined; never the person who made the change.
 */
export function toldOfChange(request: SupportRequest, deployment: Deployment | undefined, by: string, event: Notification['event']): Notification[] {
  const matched = deployment && deployment.status !== 'declined' ? deployment : undefined;
  const people = new Set([request.requesterId, ...(matched?.schoolHeadIds ?? []), ...(matched ? [matched.supporterId] : [])]);
  people.delete(by);
  return [
    { target: { kind: 'managerChannel' }, event },
    { target: { kind: 'managerChannel' }, event: { kind: 'requestCardUpdate', requestId: request.id } },
    ...[...people].map((personId) => ({ target: { kind: 'person' as const, personId }, event })),
  ];
}
