import { showDate } from '../../services/domain/show-date.js';
import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { School } from '../../services/domain/school.js';
import type { VisitReport } from '../../services/domain/visit-report.js';
import { ACTIONS } from '../flows/action-ids.js';

/** A supporter's reminder of visit reports more than 5 working days late, with the way to send one. */
export function buildOverdueReminderCard(deployment: Deployment, visitDates: readonly string[], school?: School): MessageCard {
  const where = school?.name ?? `URN ${deployment.schoolUrn}`;
  const line = `The report of your visit${visitDates.length > 1 ? 's' : ''} to ${where} on ${visitDates.map(showDate).join(', ')} is overdue: reports are due within 5 working days.`;
  return card(`Visit report overdue: ${deployment.requestReference}`, [
    heading(`Visit report overdue: ${deployment.requestReference}`),
    text(line),
    actions([button(ACTIONS.openVisitReport, 'Send a visit report', { deploymentId: deployment.id }, { style: 'primary' })]),
  ]);
}

/**
 * The supporter hears that the school asks for a correction to a visit report, and what; with the
 * way to correct it, or `refusal`: why they can no longer do so here.
 */
export function buildReportCorrectionCard(report: VisitReport, deployment: Deployment, school: School | undefined, view: { refusal?: string }): MessageCard {
  const title = `Correction asked: ${deployment.requestReference}, visit of ${showDate(report.visitDate)}`;
  return card(title, [
    heading(title),
    text(`${school?.name ?? 'The school'} read your report of the visit of ${showDate(report.visitDate)} and asks for a correction:`),
    text(report.confirmation?.note ?? ''),
    ...(view.refusal
      ? [text(view.refusal, { muted: true })]
      : [text('Correct the report here and the school is asked to check it again.', { muted: true }),
        actions([button(ACTIONS.correctVisitReport, 'Correct this report', { reportId: report.id }, { style: 'primary' })])]),
  ]);
}

export interface CompletedCardContext {
  supporterName?: string;
  /** Who completed it: the supporter's last report, or a manager ending it early. */
  completedByName?: string;
  /** The history's note, e.g. "2 of 3 days delivered". */
  note?: string;
  /** The Evaluate button, for the requesting head alone (the flow refuses anyone else). */
  evaluate: boolean;
}

/** The days are delivered (or the manager ended it early): visits not made are cancelled and the head is asked to evaluate. */
export function buildCompletedCard(deployment: Deployment, school: School | undefined, context: CompletedCardContext): MessageCard {
  const title = `Support completed: ${deployment.requestReference}`;
  const where = school?.name ?? `URN ${deployment.schoolUrn}`;
  const cancelled = deployment.cancelledVisits?.length
    ? ` The ${deployment.cancelledVisits.length === 1 ? 'visit' : 'visits'} not made (${deployment.cancelledVisits.map(showDate).join(', ')}) ${deployment.cancelledVisits.length === 1 ? 'is' : 'are'} cancelled.`
    : '';
  const completer = context.completedByName ?? 'The alliance';
  const whose = context.supporterName && context.supporterName !== completer ? `${context.supporterName}'s` : 'the';
  const line = `${completer} completed ${whose} support for ${where}${context.note ? ` (${context.note})` : ''}.${cancelled}`;
  const evaluateNow = context.evaluate && deployment.status === 'completed';
  return card(title, [
    heading(title),
    text(line),
    text(deployment.status === 'completed' ? (evaluateNow ? 'Please evaluate its impact.' : "The school's head is asked to evaluate its impact.") : 'The evaluation has been received.'),
    ...(evaluateNow ? [actions([button(ACTIONS.openEvaluation, 'Evaluate the support', { deploymentId: deployment.id }, { style: 'primary' })])] : []),
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
