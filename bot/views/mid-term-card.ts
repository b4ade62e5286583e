import { actions, button, card, facts, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import { MID_TERM_VERDICT_LABELS, type MidTermReviewer } from '../../services/domain/mid-term-review.js';
import type { School } from '../../services/domain/school.js';
import { ACTIONS } from '../flows/action-ids.js';

const REVIEWER_NAMES: Record<MidTermReviewer, string> = { supporter: 'The supporter', school: 'The school' };

/** The supporter and the school's heads are asked, halfway through, how the support is going. */
export function buildMidTermDueCard(deployment: Deployment, school?: School): MessageCard {
  const title = `Mid-term review: ${deployment.requestReference}`;
  return card(title, [
    heading(title),
    text(`Half the planned days of support for ${school?.name ?? `URN ${deployment.schoolUrn}`} are done. Please say how it is going, objective by objective: it takes a few minutes, and "not working" reaches the alliance manager at once.`),
    actions([button(ACTIONS.openMidTermReview, 'Mid-term review', { deploymentId: deployment.id }, { style: 'primary' })]),
  ]);
}

/** The manager channel hears at once when a mid-term review says the support is not working. */
export function buildMidTermNotWorkingCard(deployment: Deployment, reviewer: MidTermReviewer, school?: School): MessageCard | undefined {
  const review = deployment.midTerm?.reviews[reviewer];
  if (!review) return undefined;
  const title = `Not working: ${deployment.requestReference}`;
  const objectives = deployment.plan?.objectives ?? [];
  return card(title, [
    heading(title),
    text(`${REVIEWER_NAMES[reviewer]} says the support for ${school?.name ?? `URN ${deployment.schoolUrn}`} is not working, halfway through its planned days.`),
    facts([
      { label: 'Overall', value: MID_TERM_VERDICT_LABELS[review.verdict] },
      { label: 'Comment', value: review.comment },
      ...review.progress.map((entry, i) => ({ label: objectives[i]?.objective ?? `Objective ${i + 1}`, value: `${entry.rag.toUpperCase()}: ${entry.comment}` })),
    ]),
    actions([button(ACTIONS.viewPlan, 'View plan', { deploymentId: deployment.id })]),
  ]);
}
