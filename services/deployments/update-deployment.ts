import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import { BotError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { Notification } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** The post-match moves of a deployment; proposal answers live in services/requests. */
const MOVES: Partial<Record<DeploymentStatus, readonly DeploymentStatus[]>> = {
  accepted: ['planned'],
  planned: ['active'],
  active: ['completed'],
  completed: ['evaluated'],
};

export interface DeploymentChange {
  by: string;
  /** What happened, for the history: 'status', 'plan-submitted', 'plan-confirmed'… */
  action: string;
  to?: DeploymentStatus;
  changes?: Partial<Omit<Deployment, 'id' | 'allianceId' | 'type' | 'status' | 'history'>>;
  note?: string;
  ref?: string;
  notify?: Notification[];
}

/**
 * One etag-checked write of a deployment with its history entry, like transitionRequest: the
 * notifications go to the outbox first, conditional on this history entry being written.
 */
export async function updateDeployment(
  ctx: ServiceContext,
  deployment: Stored<Deployment>,
  change: DeploymentChange,
): Promise<Stored<Deployment>> {
  if (change.to && !MOVES[deployment.status]?.includes(change.to)) {
    throw new BotError('illegal_transition', `A deployment that is ${deployment.status} cannot become ${change.to}.`);
  }
  const at = ctx.clock.now().toISOString();
  const entry = {
    at, by: change.by, action: change.action,
    ...(change.to ? { from: deployment.status, to: change.to } : {}),
    ...(change.note ? { note: change.note } : {}),
    ...(change.ref ? { ref: change.ref } : {}),
  };
  if (change.notify?.length) {
    await enqueueNotifications(
      ctx,
      deployment.allianceId,
      { recordId: deployment.id, historyIndex: deployment.history.length, by: change.by, to: change.to, ref: change.ref },
      change.notify,
    );
  }
  return ctx.store.replace<Deployment>({
    ...deployment,
    ...change.changes,
    status: change.to ?? deployment.status,
    updatedAt: at,
    history: [...deployment.history, entry],
  }, deployment._etag);
}
