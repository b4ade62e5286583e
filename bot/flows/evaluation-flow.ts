import { parseFormSubmission, type RawValues } from '../../cards/form-definition.js';
import { createEvaluationForm } from '../../cards/forms/evaluation.js';
import { evaluateDeployment } from '../../services/deployments/evaluate-deployment.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { textReply, type TurnResult } from '../conversation/reply.js';
import type { FlowContext } from './flow-context.js';
import { loadDeploymentView, type DeploymentView } from './load-deployment-view.js';

function evaluationForm(view: DeploymentView) {
  return createEvaluationForm({ subject: view.subject, objectives: view.deployment.plan?.objectives.map((o) => o.objective) ?? [] });
}

export async function showEvaluationForm(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const view = await loadDeploymentView(ctx, person, deploymentId);
  return { replies: [{ kind: 'form', form: evaluationForm(view), data: { deploymentId } }] };
}

export async function handleEvaluationSubmit(ctx: FlowContext, person: Stored<Person>, values: RawValues, data: Record<string, unknown>): Promise<TurnResult> {
  const deploymentId = String(data.deploymentId ?? '');
  const view = await loadDeploymentView(ctx, person, deploymentId);
  const form = evaluationForm(view);
  const parsed = parseFormSubmission(form, values);
  if (!parsed.ok) return { replies: [], replaceSource: { kind: 'form', form, values, errors: parsed.problems, data: { deploymentId } } };
  const outcome = await evaluateDeployment(ctx, person, deploymentId, parsed.value);
  if (!outcome.alreadyReceived) ctx.notificationsWritten();
  const thanks = outcome.alreadyReceived ? 'This deployment was already evaluated; thank you.' : `Thank you. Your evaluation of ${view.subject} is recorded and shared with the supporter and the alliance.`;
  return { replies: [], replaceSource: textReply(thanks) };
}
