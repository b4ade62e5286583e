import { englandDate } from '../clock.js';
import type { Deployment } from '../domain/deployment.js';
import { MID_TERM_VERDICT_LABELS, midTermReviewInputSchema, type MidTermReviewInput, type MidTermReviewer } from '../domain/mid-term-review.js';
import type { Person } from '../domain/person.js';
import { BotError } from '../errors.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty, notifyParties } from './deployment-parties.js';
import { updateDeployment } from './update-deployment.js';

/**
 * Opens the mid-term review once reports reach half the planned days (and the deployment is not yet
 * complete): the supporter and the school's heads are each asked for a short review, due like every
 * other stage. Called after each visit report; opens it once.
 */
export async function openMidTermIfDue(ctx: ServiceContext, deployment: Stored<Deployment>, delivered: number, by: string): Promise<Stored<Deployment>> {
  const planned = deployment.plan?.days ?? deployment.daysCommitted;
  if (deployment.midTerm || deployment.status !== 'active' || delivered * 2 < planned || delivered >= planned) return deployment;
  return updateDeployment(ctx, deployment, {
    by,
    action: 'mid-term-opened',
    note: `${delivered} of ${planned} days reported`,
    changes: { midTerm: { from: englandDate(ctx.clock.now()), reviews: {} } },
    notify: notifyParties(deployment, ['supporter', 'school'], { kind: 'midTermReviewDue', deploymentId: deployment.id }),
  });
}

export interface MidTermOutcome {
  deployment: Stored<Deployment>;
  party: MidTermReviewer;
  /** True when this party had reviewed already: the first review stands. */
  alreadyReceived: boolean;
}

/**
 * The supporter's or the school's mid-term review: progress on each objective and how it is going
 * overall. "Not working" goes to the manager channel at once.
 */
export async function submitMidTermReview(ctx: ServiceContext, person: Person, deploymentId: string, input: MidTermReviewInput): Promise<MidTermOutcome> {
  const { deployment, party } = await loadAsParty(ctx, person, deploymentId, ['supporter', 'school'], 'Only the supporter and the school on this deployment review it at mid-term.');
  const reviewer = party as MidTermReviewer;
  const midTerm = deployment.midTerm;
  if (!midTerm || deployment.status !== 'active') {
    throw new BotError('conflict', `The mid-term review of ${deployment.requestReference} opens once reports reach half the planned days.`);
  }
  if (midTerm.reviews[reviewer]) return { deployment, party: reviewer, alreadyReceived: true };
  const review = parseInput(midTermReviewInputSchema({ objectives: deployment.plan?.objectives.length }), input);
  const reviewed = await updateDeployment(ctx, deployment, {
    by: person.id,
    action: 'mid-term-reviewed',
    note: `${reviewer}: ${MID_TERM_VERDICT_LABELS[review.verdict]}`,
    changes: { midTerm: { ...midTerm, reviews: { ...midTerm.reviews, [reviewer]: { ...review, by: person.id, at: ctx.clock.now().toISOString() } } } },
    notify: review.verdict === 'not-working' ? notifyParties(deployment, ['alliance'], { kind: 'midTermNotWorking', deploymentId, party: reviewer }) : [],
  });
  return { deployment: reviewed, party: reviewer, alreadyReceived: false };
}
