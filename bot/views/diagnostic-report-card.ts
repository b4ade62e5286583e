import { actions, button, card, facts, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { DiagnosticReport } from '../../services/domain/diagnostic.js';
import { PHASE_LABELS } from '../../services/domain/phases.js';
import type { School } from '../../services/domain/school.js';
import { SPECIALISM_LABELS } from '../../services/domain/specialisms.js';
import { ACTIONS } from '../flows/action-ids.js';

/**
 * A diagnostic visit's report, for the school's head and the manager channel. Until the follow-on
 * request exists it carries the one button that raises it, prefilled with the recommendation.
 */
export function buildDiagnosticReportCard(report: DiagnosticReport, school: School | undefined, leaderName: string | undefined): MessageCard {
  const recommended = `${report.recommendedSpecialisms.map((s) => SPECIALISM_LABELS[s]).join(', ')}; ${PHASE_LABELS[report.recommendedPhase]}; ${report.recommendedDays} day${report.recommendedDays === 1 ? '' : 's'}`;
  return card(`Diagnostic report ${report.requestReference}`, [
    heading(`Diagnostic report: ${school?.name ?? `URN ${report.schoolUrn}`}`),
    facts([
      { label: 'Reference', value: report.requestReference },
      { label: 'Visit', value: `${report.visitDate}, ${report.daysUsed} day${report.daysUsed === 1 ? '' : 's'}` },
      { label: 'By', value: leaderName ?? 'the alliance leader' },
      { label: 'Recommended support', value: recommended },
    ]),
    text(`Strengths: ${report.strengths}`),
    text(`Priorities: ${report.priorities}`),
    report.followOnRequestId
      ? text('The recommended support has been requested.', { muted: true })
      : actions([button(ACTIONS.openFollowOnRequest, 'Request this support', { reportId: report.id }, { style: 'primary' })]),
  ], `diagnostic-report:${report.id}`);
}
