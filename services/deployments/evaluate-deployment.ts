import type { Deployment } from '../domain/deployment.js';
import { evaluationId, evaluationInputSchema, type Evaluation, type EvaluationInput } from '../domain/evaluation.js';
import type { Person } from '../domain/person.js';
import { BotError, DuplicateError } from '../errors.js';
import { findRecord } from '../store/get-record.js';
import { transitionRequest } from '../requests/transition-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty, loadRequestOf, notifyParties } from './deployment-parties.js';
import { parseInput } from '../parse-input.js';
import { updateDeployment } from './update-deployment.js';

export interface EvaluationOutcome {
  evaluation: Stored<Evaluation>;
  deployment: Stored<Deployment>;
  alreadyReceived: boolean;
}

/**
 * The head of the supported school evaluates a completed deployment. The effectiveness rating
 * goes onto the deployment, where matching reads it, and the request becomes evaluated.
 */
export async function evaluateDeployment(
  ctx: ServiceContext,
  head: Stored<Person>,
  deploymentId: string,
  input: EvaluationInput,
): Promise<EvaluationOutcome> {
  const { deployment } = await loadAsParty(ctx, head, deploymentId, ['school'], 'Only the head of the supported school can evaluate this deployment.');
  const id = evaluationId(deployment.id);
  const existing = await findRecord(ctx, deployment.allianceId, id, 'evaluation');
  if (existing && deployment.status === 'evaluated') return { evaluation: existing, deployment, alreadyReceived: true };
  if (deployment.status !== 'completed') {
    throw new BotError('conflict', `A deployment can be evaluated once its days are delivered; this one is ${deployment.status}.`);
  }
  const request = await loadRequestOf(ctx, deployment);
  // A request the manager closed before the evaluation came is reopened first.
  if (request.status !== 'completed') {
    throw new BotError('conflict', `${request.reference} is ${request.status}, so it can no longer be evaluated. The alliance manager can reopen it.`);
  }
  const objectiveTexts = (deployment.plan?.objectives ?? []).map((o) => o.objective);
  const fields = parseInput(evaluationInputSchema({ objectives: objectiveTexts.length }), input);
  // An evaluation stored by an attempt that died before the status change is completed, not redone.
  const evaluation = existing ?? await createOnce(ctx, {
    ...fields,
    id, allianceId: deployment.allianceId, type: 'evaluation', deploymentId, requestId: deployment.requestId,
    supporterId: deployment.supporterId, evaluatedBy: head.id, objectiveTexts,
    submittedAt: ctx.clock.now().toISOString(),
    history: [{ at: ctx.clock.now().toISOString(), by: head.id, action: 'status', to: 'submitted' }],
  });
  const evaluated = await updateDeployment(ctx, deployment, {
    by: head.id,
    action: 'status',
    to: 'evaluated',
    ref: id,
    changes: { effectivenessRating: evaluation.effectiveness },
    notify: notifyParties(deployment, ['supporter', 'alliance'], { kind: 'deploymentEvaluated', deploymentId }),
  });
  await transitionRequest(ctx, request, { to: 'evaluated', by: head.id, ref: deploymentId });
  return { evaluation, deployment: evaluated, alreadyReceived: false };
}

async function createOnce(ctx: ServiceContext, evaluation: Evaluation): Promise<Stored<Evaluation>> {
  try {
    return await ctx.store.create(evaluation);
  } catch (error) {
    const first = error instanceof DuplicateError ? await findRecord(ctx, evaluation.allianceId, evaluation.id, 'evaluation') : undefined;
    if (!first) throw error;
    return first;
  }
}
