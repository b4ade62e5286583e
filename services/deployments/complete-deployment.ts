import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import { BotError } from '../errors.js';
import { transitionRequest } from '../requests/transition-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty, loadRequestOf, notifyParties } from './deployment-parties.js';
import { updateDeployment } from './update-deployment.js';
import { daysDelivered, reportsFor } from './visit-reports.js';
import { visitsNotMade } from './visits-not-made.js';

/**
 * Marks an active deployment's days as delivered: by the supporter once reports account for the
 * planned days, or by the alliance manager at any time (a deployment cut short). Agreed visits not
 * reported are cancelled (visitsNotMade); the request moves to completed; the supporter, the head
 * and the manager channel are told who completed it, and the head is asked to evaluate.
 */
export async function completeDeployment(ctx: ServiceContext, person: Stored<Person>, deploymentId: string): Promise<Stored<Deployment>> {
  const { deployment, party } = await loadAsParty(ctx, person, deploymentId, ['supporter', 'alliance'], 'Only the supporter or the alliance manager can complete a deployment.');
  if (deployment.status !== 'active') throw new BotError('conflict', `Only an active deployment can be completed; this one is ${deployment.status}.`);
  const reports = await reportsFor(ctx, deployment.allianceId, deployment.id);
  const delivered = daysDelivered(reports);
  const planned = deployment.plan?.days ?? deployment.daysCommitted;
  if (party === 'supporter' && delivered < planned) {
    throw new BotError('conflict', `Reports account for ${delivered} of ${planned} planned days; the alliance manager can complete it early.`);
  }
  const request = await loadRequestOf(ctx, deployment);
  const completed = await updateDeployment(ctx, deployment, {
    by: person.id,
    action: 'status',
    to: 'completed',
    note: `${delivered} of ${planned} days delivered`,
    changes: { cancelledVisits: visitsNotMade(deployment, reports) },
    notify: notifyParties(deployment, ['supporter', 'school', 'alliance'], { kind: 'deploymentCompleted', deploymentId }),
  });
  await transitionRequest(ctx, request, { to: 'completed', by: person.id, ref: deploymentId });
  return completed;
}
