import { PLAN_PARTIES, planChangesInputSchema, type PlanChangesInput } from '../domain/deployment-plan.js';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { BotError, ConcurrencyError } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { transitionRequest } from '../requests/transition-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty, loadRequestOf, notifyParties } from './deployment-parties.js';
import { updateDeployment } from './update-deployment.js';

export interface PlanOutcome {
  deployment: Stored<Deployment>;
  request: Stored<SupportRequest>;
}

const NOT_A_PARTY = 'Only the supporter, the alliance manager and the head of the supported school can sign this plan off.';

/**
 * One party confirms the current plan. The third confirmation makes the deployment planned and
 * moves the request from accepted to planned. Each write is etag-checked, so two parties confirming
 * at once cannot overwrite each other: the one that loses re-reads and confirms again.
 */
export async function confirmPlan(ctx: ServiceContext, person: Stored<Person>, deploymentId: string): Promise<PlanOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await confirmOnce(ctx, person, deploymentId);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
    }
  }
}

async function confirmOnce(ctx: ServiceContext, person: Stored<Person>, deploymentId: string): Promise<PlanOutcome> {
  const { deployment, party } = await loadAsParty(ctx, person, deploymentId, PLAN_PARTIES, NOT_A_PARTY);
  const plan = awaitingPlan(deployment);
  const request = await loadRequestOf(ctx, deployment);
  if (plan.confirmations[party]) return { deployment, request };

  const at = ctx.clock.now().toISOString();
  const confirmations = { ...plan.confirmations, [party]: { by: person.id, at } };
  const waitingFor = PLAN_PARTIES.filter((p) => !confirmations[p]);
  if (waitingFor.length > 0) {
    const confirmed = await updateDeployment(ctx, deployment, {
      by: person.id,
      action: 'plan-confirmed',
      note: `${party}, version ${plan.version}`,
      changes: { plan: { ...plan, confirmations } },
      notify: notifyParties(deployment, waitingFor, { kind: 'planConfirmed', deploymentId, party }),
    });
    return { deployment: confirmed, request };
  }
  const planned = await updateDeployment(ctx, deployment, {
    by: person.id,
    action: 'status',
    to: 'planned',
    note: `plan version ${plan.version} confirmed by all three parties`,
    // From here the plan's days are what the supporter is committed to (matching reads daysCommitted).
    changes: { plan: { ...plan, confirmations, status: 'confirmed' }, daysCommitted: plan.days },
    notify: notifyParties(deployment, PLAN_PARTIES, { kind: 'planAgreed', deploymentId }),
  });
  const plannedRequest = await transitionRequest(ctx, request, { to: 'planned', by: person.id, ref: deploymentId });
  return { deployment: planned, request: plannedRequest };
}

/**
 * Any party asks for changes: the plan reopens with every confirmation cleared, and the supporter
 * revises and submits it again.
 */
export async function requestPlanChanges(
  ctx: ServiceContext,
  person: Stored<Person>,
  deploymentId: string,
  input: PlanChangesInput,
): Promise<Stored<Deployment>> {
  const { deployment } = await loadAsParty(ctx, person, deploymentId, PLAN_PARTIES, NOT_A_PARTY);
  const plan = awaitingPlan(deployment);
  const reason = parseInput(planChangesInputSchema, input).comment;
  const request = await loadRequestOf(ctx, deployment);
  return updateDeployment(ctx, deployment, {
    by: person.id,
    action: 'plan-changes-requested',
    note: reason,
    changes: {
      plan: { ...plan, status: 'changes-requested', confirmations: {}, changesRequested: { by: person.id, at: ctx.clock.now().toISOString(), comment: reason } },
    },
    notify: notifyParties(deployment, PLAN_PARTIES, { kind: 'planChangesRequested', deploymentId }),
  });
}

function awaitingPlan(deployment: Deployment): NonNullable<Deployment['plan']> {
  if (deployment.status !== 'accepted' || !deployment.plan) {
    throw new BotError('conflict', deployment.plan ? `This plan is already agreed (the deployment is ${deployment.status}).` : 'There is no plan to confirm yet.');
  }
  if (deployment.plan.status !== 'awaiting-confirmation') {
    throw new BotError('conflict', 'Changes were asked for: the supporter will send a revised plan to confirm.');
  }
  return deployment.plan;
}
