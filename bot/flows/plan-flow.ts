import { createDeploymentPlanForm, planFormValues } from '../../cards/forms/deployment-plan.js';
import { nameSchoolHead } from '../../services/deployments/name-school-head.js';
import { createPlanChangesForm } from '../../cards/forms/plan-changes.js';
import { confirmPlan, requestPlanChanges } from '../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../services/deployments/submit-plan.js';
import type { PlanChangesInput, PlanInput } from '../../services/domain/deployment-plan.js';
import { partyOf } from '../../services/deployments/deployment-parties.js';
import { deploymentStanding } from '../../services/deployments/next-steps.js';
import { deploymentDays } from '../../services/deployments/deployment-days.js';
import { reportsFor } from '../../services/deployments/visit-reports.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
import { calendarUrlFor } from '../calendar/calendar-url-for.js';
import { buildPlanCard } from '../views/plan-card.js';
import type { FlowContext } from './flow-context.js';
import type { FormEntry } from './form-entry.js';

/** The supporter's plan, starting from the last version when revising. */
export const deploymentPlanForm: FormEntry<PlanInput> = {
  blank: (now) => createDeploymentPlanForm({ subject: '', now }),
  async open(ctx, person, { data }) {
    const { deployment, school, subject } = await loadDeploymentView(ctx, person, String(data.deploymentId ?? ''));
    return {
      form: createDeploymentPlanForm({ subject, now: ctx.clock.now() }),
      values: deployment.plan ? planFormValues(deployment.plan) : {},
      data: { deploymentId: deployment.id },
      async submit(plan) {
        await submitPlan(ctx, person, deployment.id, plan);
        return { replies: [textReply('Plan sent to the school and the alliance for confirmation.')], replaceSource: cardReply(await planCardFor(ctx, person, deployment.id)) };
      },
    };
  },
};

export async function confirmPlanFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  // Someone who is not a party reads "not found", revealing nothing about another school's plan.
  await loadDeploymentView(ctx, person, deploymentId);
  await confirmPlan(ctx, person, deploymentId);
  return { replies: [], replaceSource: cardReply(await planCardFor(ctx, person, deploymentId)) };
}

/** Any party asks for the plan to change before it is agreed. */
export const planChangesForm: FormEntry<PlanChangesInput> = {
  blank: () => createPlanChangesForm({ subject: '' }),
  async open(ctx, person, { data }) {
    const { deployment, school, subject } = await loadDeploymentView(ctx, person, String(data.deploymentId ?? ''));
    return {
      form: createPlanChangesForm({ subject }),
      data: { deploymentId: deployment.id },
      async submit(changes) {
        await requestPlanChanges(ctx, person, deployment.id, changes);
        return { replies: [], replaceSource: cardReply(await planCardFor(ctx, person, deployment.id)) };
      },
    };
  },
};

/** "View plan": the plan with who has confirmed, and only the buttons this person can use now. */
export async function showPlan(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  return { replies: [cardReply(await planCardFor(ctx, person, deploymentId))] };
}

/** "show the plan for S2S-2026-0042": the plan of a deployment the person is party to. */
export async function showPlanByReference(ctx: FlowContext, person: Stored<Person>, reference: string): Promise<TurnResult> {
  const mine = await liveDeploymentByReference(ctx, person, reference);
  if (!mine) return { replies: [textReply(`I could not find a plan for ${reference.toUpperCase()} that you are part of.`)] };
  return showPlan(ctx, person, mine.id);
}

/** "name jo.head@school.example as head for S2S-2026-0042" (managers): that head speaks for the school from now on. */
export async function nameHeadByReference(ctx: FlowContext, person: Stored<Person>, email: string, reference: string): Promise<TurnResult> {
  const deployment = await liveDeploymentByReference(ctx, person, reference);
  if (!deployment) return { replies: [textReply(`I could not find a deployment for ${reference.toUpperCase()} that you are part of.`)] };
  const named = await nameSchoolHead(ctx, person, deployment.id, email);
  return { replies: [textReply(`${email} now speaks for the school on ${named.requestReference}: they confirm its plan and evaluate it, and they have been told.`)] };
}

/** The deployment of a request reference that is still live and that the person is party to. */
async function liveDeploymentByReference(ctx: FlowContext, person: Stored<Person>, reference: string): Promise<Stored<Deployment> | undefined> {
  const deployments = await ctx.store.query<Deployment>(person.allianceId, {
    type: 'deployment', where: [{ field: 'requestReference', op: 'eq', value: reference.toUpperCase() }],
  });
  return deployments.find((d) => partyOf(person, d) && d.status !== 'declined' && d.status !== 'cancelled');
}

async function planCardFor(ctx: FlowContext, person: Stored<Person>, deploymentId: string) {
  const { deployment, school } = await loadDeploymentView(ctx, person, deploymentId);
  const days = deploymentDays(deployment, await reportsFor(ctx, deployment.allianceId, deployment.id));
  const steps = deploymentStanding(person, deployment, days.delivered).steps.filter((step) => step !== 'viewPlan');
  const calendarUrl = calendarUrlFor(ctx.calendarUrl, deployment, person.id);
  return buildPlanCard(deployment, school, { steps, days, ...(calendarUrl ? { calendarUrl } : {}) });
}
