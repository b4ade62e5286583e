import { writeAudited, type AuditedChange } from '../audited-write.js';
import { assertDeploymentMove } from '../domain/deployment-lifecycle.js';
import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export type DeploymentChange = AuditedChange<Deployment> & { to?: DeploymentStatus };

/** One audited write of a deployment (see writeAudited), refusing moves its lifecycle does not allow. */
export async function updateDeployment(
  ctx: ServiceContext,
  deployment: Stored<Deployment>,
  change: DeploymentChange,
): Promise<Stored<Deployment>> {
  if (change.to) assertDeploymentMove(deployment, change.to);
  return writeAudited(ctx, deployment, change);
}
