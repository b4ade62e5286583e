import { parseFormSubmission, type RawValues } from '../../cards/form-definition.js';
import { createDeploymentPlanForm, planFormValues } from '../../cards/forms/deployment-plan.js';
import { createPlanChangesForm } from '../../cards/forms/plan-changes.js';
import { confirmPlan, requestPlanChanges } from '../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../services/deployments/submit-plan.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { renderPlanCard } from '../views/plan-card.js';
import type { FlowContext } from './flow-context.js';
import { loadDeploymentView } from './load-deployment-view.js';

/** The plan form for the deployment's supporter, starting from the last version when revising. */
export async function showPlanForm(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const { deployment, subject } = await loadDeploymentView(ctx, person, deploymentId);
  const form = createDeploymentPlanForm({ subject });
  const values = deployment.plan ? planFormValues(deployment.plan) : {};
  return { replies: [{ kind: 'form', form, values, data: { deploymentId } }] };
}

export async function handlePlanSubmit(ctx: FlowContext, person: Stored<Person>, values: RawValues, data: Record<string, unknown>): Promise<TurnResult> {
  const deploymentId = String(data.deploymentId ?? '');
  const { school, subject } = await loadDeploymentView(ctx, person, deploymentId);
  const form = createDeploymentPlanForm({ subject });
  const parsed = parseFormSubmission(form, values);
  if (!parsed.ok) return { replies: [], replaceSource: { kind: 'form', form, values, errors: parsed.problems, data: { deploymentId } } };
  const deployment = await submitPlan(ctx, person, deploymentId, parsed.value);
  ctx.notificationsWritten();
  return { replies: [], replaceSource: cardReply(renderPlanCard(deployment, school, `Plan sent to the school and the alliance for confirmation`)) };
}

export async function confirmPlanFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const { school } = await loadDeploymentView(ctx, person, deploymentId);
  const { deployment } = await confirmPlan(ctx, person, deploymentId);
  ctx.notificationsWritten();
  return { replies: [], replaceSource: cardReply(renderPlanCard(deployment, school)) };
}

export async function showPlanChangesForm(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const { subject } = await loadDeploymentView(ctx, person, deploymentId);
  return { replies: [{ kind: 'form', form: createPlanChangesForm({ subject }), data: { deploymentId } }] };
}

export async function handlePlanChangesSubmit(ctx: FlowContext, person: Stored<Person>, values: RawValues, data: Record<string, unknown>): Promise<TurnResult> {
  const deploymentId = String(data.deploymentId ?? '');
  const { school, subject } = await loadDeploymentView(ctx, person, deploymentId);
  const form = createPlanChangesForm({ subject });
  const parsed = parseFormSubmission(form, values);
  if (!parsed.ok) return { replies: [], replaceSource: { kind: 'form', form, values, errors: parsed.problems, data: { deploymentId } } };
  const deployment = await requestPlanChanges(ctx, person, deploymentId, parsed.value.comment);
  ctx.notificationsWritten();
  return { replies: [], replaceSource: cardReply(renderPlanCard(deployment, school)) };
}
