import { planCost, planInputSchema, type DeploymentPlan, type PlanInput } from '../domain/deployment-plan.js';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import { BotError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty, loadRequestOf, notifyParties } from './deployment-parties.js';
import { parseInput } from '../parse-input.js';
import { updateDeployment } from './update-deployment.js';

/**
 * The supporter proposes the plan of an accepted deployment. Submitting again (after changes were
 * asked for, or to correct it) makes a new version that all three parties confirm afresh.
 */
export async function submitPlan(
  ctx: ServiceContext,
  supporter: Stored<Person>,
  deploymentId: string,
  input: PlanInput,
): Promise<Stored<Deployment>> {
  const { deployment } = await loadAsParty(ctx, supporter, deploymentId, ['supporter'], 'Only the supporter on this deployment can write its plan.');
  if (deployment.status !== 'accepted') {
    throw new BotError('conflict', `The plan can no longer be changed here: the deployment is ${deployment.status}.`);
  }
  const fields = parseInput(planInputSchema, input);
  const request = await loadRequestOf(ctx, deployment);
  const plan: DeploymentPlan = {
    ...fields,
    visitDates: [...new Set(fields.visitDates)].sort(),
    dayRate: deployment.dayRate,
    cost: planCost(fields.days, deployment.dayRate),
    version: (deployment.plan?.version ?? 0) + 1,
    status: 'awaiting-confirmation',
    submittedBy: supporter.id,
    submittedAt: ctx.clock.now().toISOString(),
    confirmations: {},
  };
  return updateDeployment(ctx, deployment, {
    by: supporter.id,
    action: 'plan-submitted',
    note: `version ${plan.version}: ${plan.days} days, £${plan.cost}`,
    changes: { plan },
    notify: notifyParties(deployment, ['supporter', 'school', 'alliance'], { kind: 'planSubmitted', deploymentId }),
  });
}
