import { writeAudited, type AuditedChange } from '../audited-write.js';
import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import { BotError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** The post-match moves of a deployment; proposal answers live in services/requests. */
const MOVES: Partial<Record<DeploymentStatus, readonly DeploymentStatus[]>> = {
  accepted: ['planned'],
  planned: ['active'],
  active: ['completed'],
  completed: ['evaluated'],
};

/** A diagnostic visit is reported straight after it is accepted: there is no plan to agree. */
const DIAGNOSTIC_MOVES: Partial<Record<DeploymentStatus, readonly DeploymentStatus[]>> = {
  accepted: ['completed'],
};

export type DeploymentChange = AuditedChange<Deployment> & { to?: DeploymentStatus };

/** One audited write of a deployment (see writeAudited), refusing moves its lifecycle does not allow. */
export async function updateDeployment(
  ctx: ServiceContext,
  deployment: Stored<Deployment>,
  change: DeploymentChange,
): Promise<Stored<Deployment>> {
  const moves = deployment.kind === 'diagnostic' ? DIAGNOSTIC_MOVES : MOVES;
  if (change.to && !moves[deployment.status]?.includes(change.to)) {
    throw new BotError('illegal_transition', `A deployment that is ${deployment.status} cannot become ${change.to}.`);
  }
  return writeAudited(ctx, deployment, change);
}
