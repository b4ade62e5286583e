import { createDeploymentPlanForm, planFormValues } from '../../cards/forms/deployment-plan.js';
import { createPlanChangesForm } from '../../cards/forms/plan-changes.js';
import { confirmPlan, requestPlanChanges } from '../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../services/deployments/submit-plan.js';
import type { PlanChangesInput, PlanInput } from '../../services/domain/deployment-plan.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
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
        const submitted = await submitPlan(ctx, person, deployment.id, plan);
        return { replies: [], replaceSource: cardReply(buildPlanCard(submitted, school, 'Plan sent to the school and the alliance for confirmation')) };
      },
    };
  },
};

export async function confirmPlanFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const { school } = await loadDeploymentView(ctx, person, deploymentId);
  const { deployment } = await confirmPlan(ctx, person, deploymentId);
  return { replies: [], replaceSource: cardReply(buildPlanCard(deployment, school)) };
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
        const reopened = await requestPlanChanges(ctx, person, deployment.id, changes);
        return { replies: [], replaceSource: cardReply(buildPlanCard(reopened, school)) };
      },
    };
  },
};
