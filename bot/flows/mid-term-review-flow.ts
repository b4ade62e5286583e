import { createMidTermReviewForm } from '../../cards/forms/mid-term-review.js';
import { submitMidTermReview } from '../../services/deployments/mid-term-review.js';
import type { MidTermReviewInput } from '../../services/domain/mid-term-review.js';
import { textReply } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
import type { FormEntry } from './form-entry.js';

/** The supporter's or the school's mid-term review, one progress group per plan objective. */
export const midTermReviewForm: FormEntry<MidTermReviewInput> = {
  blank: () => createMidTermReviewForm({}),
  async open(ctx, person, { data }) {
    const view = await loadDeploymentView(ctx, person, String(data.deploymentId ?? ''));
    const { deployment } = view;
    return {
      form: createMidTermReviewForm({ subject: view.subject, objectives: deployment.plan?.objectives.map((o) => o.objective) ?? [] }),
      data: { deploymentId: deployment.id },
      async submit(review) {
        const outcome = await submitMidTermReview(ctx, person, deployment.id, review);
        const note = outcome.alreadyReceived
          ? `You already sent your mid-term review of ${deployment.requestReference}; the first one stands.`
          : review.verdict === 'not-working'
            ? `Thank you. The alliance manager has been told it is not working and will be in touch about ${deployment.requestReference}.`
            : `Thank you. Your mid-term review of ${deployment.requestReference} is recorded.`;
        return { replies: [], replaceSource: textReply(note) };
      },
    };
  },
};
