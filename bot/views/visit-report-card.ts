import { showDate } from '../../services/domain/show-date.js';
import { actions, button, card, facts, heading, list, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { School } from '../../services/domain/school.js';
import type { VisitReport } from '../../services/domain/visit-report.js';
import { REPORT_CHECK_LABELS } from '../../services/domain/visit-report-check.js';
import { ACTIONS } from '../flows/action-ids.js';

const RAG_MARKS = { red: '🔴 Red', amber: '🟠 Amber', green: '🟢 Green' } as const;

/**
 * One visit's report, for the school's head, the manager channel and the supporter who sent it.
 * While visits go on, managers (`forManagers`) may end the deployment early from here; no one else
 * is shown the button. `canCorrect`: the reader is its supporter and may still correct it (mayCorrect).
 */
export function buildVisitReportCard(report: VisitReport, deployment: Deployment, view: { school?: School; supporterName?: string; forManagers: boolean; forSchool?: boolean; canCorrect?: boolean }): MessageCard {
  const { school, supporterName } = view;
  const title = `Visit report ${deployment.requestReference}, ${showDate(report.visitDate)}`;
  const checked = report.confirmation;
  const correction = [...report.history].reverse().find((entry) => entry.action === 'corrected');
  return card(title, [
    heading(title),
    facts([
      { label: 'School', value: school?.name ?? `URN ${deployment.schoolUrn}` },
      ...(supporterName ? [{ label: 'Supporter', value: supporterName }] : []),
      { label: 'Days used', value: String(report.daysUsed) },
    ]),
    list(report.progress.map((p, i) => ({ title: `${RAG_MARKS[p.rag]}: ${report.objectives[i] ?? `Objective ${i + 1}`}`, lines: [p.comment] }))),
    text(`What was done: ${report.activities}`),
    text(`Next steps: ${report.nextSteps}`),
    text('The supporter confirmed this report holds no pupil-identifying data.', { muted: true }),
    ...(correction ? [text(`Corrected by the supporter on ${showDate(correction.at.slice(0, 10))}${correction.note ? `: ${correction.note}` : ''}.`)] : []),
    ...(checked ? [text(`The school marked it: ${REPORT_CHECK_LABELS[checked.check]}${checked.note ? `: ${checked.note}` : ''}.`)] : []),
    ...(view.forSchool && !checked ? [actions([button(ACTIONS.checkVisitReport, 'Accurate or needs correction', { reportId: report.id }, { style: 'primary' })])] : []),
    ...(view.canCorrect ? [actions([button(ACTIONS.correctVisitReport, 'Correct this report', { reportId: report.id })])] : []),
    ...(view.forManagers && deployment.status === 'active' ? [actions([button(ACTIONS.completeDeployment, 'Complete early (manager)', { deploymentId: deployment.id }, {
      confirm: { title: 'Complete this deployment?', text: 'No more visits will be reported and the school will be asked to evaluate.', confirmLabel: 'Complete', denyLabel: 'Cancel' },
    })])] : []),
  ], `visit-report:${report.id}`);
}
