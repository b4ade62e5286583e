import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { completeDeployment } from './complete-deployment.js';
import { openMidTermIfDue } from './mid-term-review.js';
import { daysDelivered, reportsFor } from './visit-reports.js';

/**
 * After the supporter's reports change (a new one, or a correction): reports reaching the planned
 * days complete the deployment, reports reaching half of them open the mid-term review.
 */
export async function settleDeliveredDays(ctx: ServiceContext, supporter: Stored<Person>, deployment: Stored<Deployment>): Promise<Stored<Deployment>> {
  const delivered = daysDelivered(await reportsFor(ctx, deployment.allianceId, deployment.id));
  const planned = deployment.plan?.days ?? deployment.daysCommitted;
  if (deployment.status === 'active' && delivered >= planned) return completeDeployment(ctx, supporter, deployment.id);
  return openMidTermIfDue(ctx, deployment, delivered, supporter.id);
}
