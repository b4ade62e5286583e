import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { School } from '../../services/domain/school.js';
import { ACTIONS } from '../flows/action-ids.js';

/** A supporter's reminder of visit reports more than 5 working days late, with the way to send one. */
export function buildOverdueReminderCard(deployment: Deployment, visitDates: readonly string[], school?: School): MessageCard {
  const where = school?.name ?? `URN ${deployment.schoolUrn}`;
  const line = `The report of your visit${visitDates.length > 1 ? 's' : ''} to ${where} on ${visitDates.join(', ')} is overdue: reports are due within 5 working days.`;
  return card(`Visit report overdue: ${deployment.requestReference}`, [
    heading(`Visit report overdue: ${deployment.requestReference}`),
    text(line),
    actions([button(ACTIONS.openVisitReport, 'Send a visit report', { deploymentId: deployment.id }, { style: 'primary' })]),
  ]);
}

/** The days are delivered: the head is asked to evaluate (the flow refuses anyone else). */
export function buildCompletedCard(deployment: Deployment, school?: School, supporterName?: string): MessageCard {
  const who = supporterName ?? 'The supporter';
  const title = `Support completed: ${deployment.requestReference}`;
  return card(title, [
    heading(title),
    text(`${who} has completed the support for ${school?.name ?? `URN ${deployment.schoolUrn}`}. The school's head is asked to evaluate its impact.`),
    ...(deployment.status === 'completed'
      ? [actions([button(ACTIONS.openEvaluation, 'Evaluate the support', { deploymentId: deployment.id }, { style: 'primary' })])]
      : [text('The evaluation has been received.')]),
  ]);
}

export function buildEvaluatedCard(deployment: Deployment, school?: School): MessageCard {
  const title = `Evaluation received: ${deployment.requestReference}`;
  return card(title, [
    heading(title),
    text(`${school?.name ?? `URN ${deployment.schoolUrn}`} evaluated the support: effectiveness ${deployment.effectivenessRating ?? '?'} out of 4.`),
  ]);
}

/** A head a manager named to speak for the school on a deployment: what that means, and the plan. */
export function buildSchoolHeadNamedCard(deployment: Deployment, school?: School): MessageCard {
  const title = `You now speak for ${school?.name ?? `URN ${deployment.schoolUrn}`} on ${deployment.requestReference}`;
  return card(title, [
    heading(title),
    text('The alliance manager named you as a head for this support: you confirm its plan, confirm visit records and evaluate its impact. "My requests" shows where it stands.'),
    actions([button(ACTIONS.viewPlan, 'View plan', { deploymentId: deployment.id })]),
  ]);
}
