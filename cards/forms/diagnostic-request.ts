import { englandDate } from '../../services/clock.js';
import { diagnosticRequestInputSchema, type DiagnosticRequestInput } from '../../services/domain/diagnostic.js';
import { PHASES, PHASE_LABELS } from '../../services/domain/phases.js';
import { SPECIALISMS, SPECIALISM_LABELS } from '../../services/domain/specialisms.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';
import { readUkDate } from '../uk-date.js';

export const DIAGNOSTIC_REQUEST_FORM_ID = 'diagnostic-request';

export const DIAGNOSTIC_REQUEST_ACTIONS = { submit: 'diagnostic-request.submit' } as const;

export const DIAGNOSTIC_REQUEST_FIELDS = {
  specialisms: 'specialisms',
  phase: 'phase',
  need: 'need',
  daysWanted: 'daysWanted',
  preferredStart: 'preferredStart',
} as const;

/** A head asks for an initial diagnostic visit: what to look at, 1 or 2 days, and when. */
export function createDiagnosticRequestForm({ now }: { now: Date }): FormDefinition<DiagnosticRequestInput> {
  const f = DIAGNOSTIC_REQUEST_FIELDS;
  const today = englandDate(now);
  return {
    id: DIAGNOSTIC_REQUEST_FORM_ID,
    title: 'Ask for a diagnostic visit',
    submitLabel: 'Send request',
    submitActionId: DIAGNOSTIC_REQUEST_ACTIONS.submit,
    intro: 'A leader from the alliance (usually an NLE, LLE or executive head) visits for a day or two, then reports your strengths, priorities and the support to ask for next. It is charged at their day rate.',
    fields: [
      { type: 'multiChoice', id: f.specialisms, label: 'Any areas you are already concerned about? (optional)', choices: SPECIALISMS.map((value) => ({ value, label: SPECIALISM_LABELS[value] })), placeholder: 'Choose areas' },
      { type: 'choice', id: f.phase, label: 'Phase', required: true, choices: PHASES.map((value) => ({ value, label: PHASE_LABELS[value] })), placeholder: 'Choose a phase' },
      { type: 'text', id: f.need, label: 'What would you like the visit to look at?', help: 'Between 20 and 2000 characters. Please do not name pupils.', required: true, multiline: true, maxLength: 2000 },
      { type: 'choice', id: f.daysWanted, label: 'How long a visit?', required: true, choices: [{ value: '1', label: '1 day' }, { value: '2', label: '2 days' }] },
      { type: 'date', id: f.preferredStart, label: 'Preferred date', required: true, min: today },
    ],
    schema: mapOnto((answers) => ({
      ...answers,
      ...(typeof answers.daysWanted === 'string' ? { daysWanted: Number(answers.daysWanted) } : {}),
      ...(typeof answers.preferredStart === 'string' ? { preferredStart: readUkDate(answers.preferredStart, today) } : {}),
    }), diagnosticRequestInputSchema),
  };
}
