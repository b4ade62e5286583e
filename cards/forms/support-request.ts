import { englandDate } from '../../services/clock.js';
import { PHASES, PHASE_LABELS } from '../../services/domain/phases.js';
import { SPECIALISMS, SPECIALISM_LABELS } from '../../services/domain/specialisms.js';
import { REQUEST_LIMITS, supportRequestInputSchema, type SupportRequestInput } from '../../services/domain/support-request.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';
import { readUkDate } from '../uk-date.js';

export const SUPPORT_REQUEST_FORM_ID = 'support-request';

export const SUPPORT_REQUEST_ACTIONS = {
  submit: 'support-request.submit',
} as const;

export const SUPPORT_REQUEST_FIELDS = {
  specialisms: 'specialisms',
  phase: 'phase',
  need: 'need',
  outcomes: 'outcomes',
  daysWanted: 'daysWanted',
  preferredStart: 'preferredStart',
  ofstedContext: 'ofstedContext',
} as const;

/** The form's answers are exactly what the request service takes, whichever channel sent them. */
export type SupportRequestValue = SupportRequestInput;

/** `now` comes from the caller's clock so "not in the past" is testable. */
export interface SupportRequestContext {
  now: Date;
}

/** The answers are the request service's input; only the start date is read the way people write it. */
export function createSupportRequestSchema({ now }: SupportRequestContext) {
  const today = englandDate(now);
  return mapOnto((answers) => ({
    ...answers,
    ...(typeof answers.preferredStart === 'string' ? { preferredStart: readUkDate(answers.preferredStart, today) } : {}),
  }), supportRequestInputSchema({ today }));
}

// The definition depends only on the date in England, so each turn of the day reuses one (building the
// schema and 28 choices costs about a millisecond a turn otherwise).
let cached: { day: string; form: FormDefinition<SupportRequestValue> } | undefined;

export function createSupportRequestForm(context: SupportRequestContext): FormDefinition<SupportRequestValue> {
  const day = englandDate(context.now);
  if (cached?.day !== day) cached = { day, form: buildSupportRequestForm(context) };
  return cached.form;
}

function buildSupportRequestForm(context: SupportRequestContext): FormDefinition<SupportRequestValue> {
  const f = SUPPORT_REQUEST_FIELDS;
  return {
    id: SUPPORT_REQUEST_FORM_ID,
    title: 'Request support',
    submitLabel: 'Send request',
    submitActionId: SUPPORT_REQUEST_ACTIONS.submit,
    intro: 'Tell the alliance what support your school needs. A manager will match you with a suitable leader.',
    fields: [
      {
        type: 'multiChoice',
        id: f.specialisms,
        label: 'Which areas do you need support with?',
        help: 'Choose every area that applies.',
        required: true,
        choices: SPECIALISMS.map((value) => ({ value, label: SPECIALISM_LABELS[value] })),
        placeholder: 'Choose areas',
      },
      {
        type: 'choice',
        id: f.phase,
        label: 'Phase',
        required: true,
        choices: PHASES.map((value) => ({ value, label: PHASE_LABELS[value] })),
        placeholder: 'Choose a phase',
      },
      {
        type: 'text',
        id: f.need,
        label: 'What is the need?',
        help: `Between ${REQUEST_LIMITS.need[0]} and ${REQUEST_LIMITS.need[1]} characters. Please do not name pupils.`,
        required: true,
        multiline: true,
        maxLength: REQUEST_LIMITS.need[1],
      },
      {
        type: 'text',
        id: f.outcomes,
        label: 'What outcomes do you want?',
        help: `Between ${REQUEST_LIMITS.outcomes[0]} and ${REQUEST_LIMITS.outcomes[1]} characters.`,
        required: true,
        multiline: true,
        maxLength: REQUEST_LIMITS.outcomes[1],
      },
      {
        type: 'number',
        id: f.daysWanted,
        label: 'How many days of support do you want?',
        help: `Whole or half days, up to ${REQUEST_LIMITS.days[1]}.`,
        required: true,
        halfDays: true,
        min: REQUEST_LIMITS.days[0],
        max: REQUEST_LIMITS.days[1],
      },
      {
        type: 'date',
        id: f.preferredStart,
        label: 'Preferred start date',
        required: true,
        min: englandDate(context.now),
      },
      {
        type: 'text',
        id: f.ofstedContext,
        label: 'Ofsted context (optional)',
        help: `For example the latest judgement and its areas for improvement. Up to ${REQUEST_LIMITS.ofstedContext} characters.`,
        multiline: true,
        maxLength: REQUEST_LIMITS.ofstedContext,
      },
    ],
    schema: createSupportRequestSchema(context),
  };
}
