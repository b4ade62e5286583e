import { createEvaluationForm } from '../../cards/forms/evaluation.js';
import { evaluateDeployment } from '../../services/deployments/evaluate-deployment.js';
import type { EvaluationInput } from '../../services/domain/evaluation.js';
import { BotError } from '../../services/errors.js';
import { textReply } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
import type { FormEntry } from './form-entry.js';

/** The supported school's evaluation, one group per plan objective. */
export const evaluationForm: FormEntry<EvaluationInput> = {
  blank: () => createEvaluationForm({}),
  async open(ctx, person, { data }) {
    const { deployment, subject } = await loadDeploymentView(ctx, person, String(data.deploymentId ?? ''));
    // An old "Evaluate" button (on the completion notice) must not open a blank form once it is done.
    if (deployment.status === 'evaluated') throw new BotError('conflict', `${subject} has already been evaluated; thank you. "My requests" shows where things stand.`);
    return {
      form: createEvaluationForm({ subject, objectives: deployment.plan?.objectives.map((o) => o.objective) ?? [] }),
      data: { deploymentId: deployment.id },
      async submit(evaluation) {
        const outcome = await evaluateDeployment(ctx, person, deployment.id, evaluation);
        const thanks = outcome.alreadyReceived
          ? 'This deployment was already evaluated; thank you.'
          : `Thank you. Your evaluation of ${subject} is recorded and shared with the supporter and the alliance.`;
        return { replies: [], replaceSource: textReply(thanks) };
      },
    };
  },
};
