import { englandDate } from '../../services/clock.js';
import { diagnosticReportInputSchema, type DiagnosticReportInput } from '../../services/domain/diagnostic.js';
import { PHASES, PHASE_LABELS } from '../../services/domain/phases.js';
import { SPECIALISMS, SPECIALISM_LABELS } from '../../services/domain/specialisms.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';
import { readUkDate } from '../uk-date.js';

export const DIAGNOSTIC_REPORT_FORM_ID = 'diagnostic-report';

export const DIAGNOSTIC_REPORT_ACTIONS = { submit: 'diagnostic-report.submit' } as const;

export const DIAGNOSTIC_REPORT_FIELDS = {
  subject: 'subject',
  visitDate: 'visitDate',
  daysUsed: 'daysUsed',
  strengths: 'strengths',
  priorities: 'priorities',
  recommendedSpecialisms: 'recommendedSpecialisms',
  recommendedPhase: 'recommendedPhase',
  recommendedDays: 'recommendedDays',
  noPupilData: 'noPupilData',
} as const;

/** The diagnostic visit's short report; its recommendation becomes the school's next request. */
export function createDiagnosticReportForm({ now, subject = '' }: { now: Date; subject?: string }): FormDefinition<DiagnosticReportInput> {
  const f = DIAGNOSTIC_REPORT_FIELDS;
  const today = englandDate(now);
  return {
    id: DIAGNOSTIC_REPORT_FORM_ID,
    title: 'Diagnostic report',
    submitLabel: 'Send report',
    submitActionId: DIAGNOSTIC_REPORT_ACTIONS.submit,
    fields: [
      { type: 'info', id: f.subject, text: subject },
      { type: 'date', id: f.visitDate, label: 'Date of the visit', required: true },
      { type: 'choice', id: f.daysUsed, label: 'Days used', required: true, choices: ['0.5', '1', '1.5', '2'].map((value) => ({ value, label: value })) },
      { type: 'text', id: f.strengths, label: 'Strengths', help: 'What the school does well. Up to 2000 characters.', required: true, multiline: true, maxLength: 2000 },
      { type: 'text', id: f.priorities, label: 'Priorities', help: 'What to work on first. Up to 2000 characters.', required: true, multiline: true, maxLength: 2000 },
      { type: 'multiChoice', id: f.recommendedSpecialisms, label: 'Recommended support: areas', required: true, choices: SPECIALISMS.map((value) => ({ value, label: SPECIALISM_LABELS[value] })), placeholder: 'Choose areas' },
      { type: 'choice', id: f.recommendedPhase, label: 'Recommended support: phase', required: true, choices: PHASES.map((value) => ({ value, label: PHASE_LABELS[value] })), placeholder: 'Choose a phase' },
      { type: 'number', id: f.recommendedDays, label: 'Recommended support: days', help: 'Whole days, 1 to 60.', required: true, min: 1, max: 60 },
      { type: 'toggle', id: f.noPupilData, label: 'No pupil data', title: 'This report names no pupils and holds nothing that could identify one.', required: true },
    ],
    schema: mapOnto((answers) => ({
      ...answers,
      ...(typeof answers.daysUsed === 'string' ? { daysUsed: Number(answers.daysUsed) } : {}),
      ...(typeof answers.visitDate === 'string' ? { visitDate: readUkDate(answers.visitDate, today) } : {}),
    }), diagnosticReportInputSchema),
  };
}
