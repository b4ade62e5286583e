import { REPORT_CHECK_LABELS, REPORT_CHECKS, reportCheckInputSchema, type ReportCheckInput } from '../../services/domain/visit-report-check.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';

export const VISIT_REPORT_CHECK_FORM_ID = 'visit-report-check';

export const VISIT_REPORT_CHECK_ACTIONS = {
  submit: 'visit-report-check.submit',
} as const;

export const VISIT_REPORT_CHECK_FIELDS = {
  subject: 'subject',
  check: 'check',
  note: 'note',
} as const;

const F = VISIT_REPORT_CHECK_FIELDS;

/** The school's head says whether a visit report is a true record; one definition for Teams and Slack. */
export function createVisitReportCheckForm(context: { subject?: string }): FormDefinition<ReportCheckInput> {
  return {
    id: VISIT_REPORT_CHECK_FORM_ID,
    title: 'Check a visit report',
    submitLabel: 'Send',
    submitActionId: VISIT_REPORT_CHECK_ACTIONS.submit,
    intro: 'Is this report an accurate record of the visit? If not, say what needs correcting: the supporter will be told.',
    fields: [
      ...(context.subject ? [{ type: 'info' as const, id: F.subject, text: context.subject }] : []),
      { type: 'choice', id: F.check, label: 'The report is', required: true, choices: REPORT_CHECKS.map((value) => ({ value, label: REPORT_CHECK_LABELS[value] })) },
      { type: 'text', id: F.note, label: 'What needs correcting', help: 'Needed if it needs correction.', required: false, multiline: true, maxLength: 1000 },
    ],
    schema: mapOnto((answers) => answers, reportCheckInputSchema),
  };
}
