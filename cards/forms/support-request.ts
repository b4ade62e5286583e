import { z } from 'zod';
import { PHASES, PHASE_LABELS } from '../../services/domain/phases.js';
import { SPECIALISMS, SPECIALISM_LABELS } from '../../services/domain/specialisms.js';
import { atLeastOneOf, englandDate, isoDate, oneOf, optionalText, requiredText, wholeNumber } from '../field-schemas.js';
import type { FormDefinition } from '../form-definition.js';
import type { SupportRequestInput } from '../../services/requests/submit-request.js';

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

export function createSupportRequestSchema({ now }: SupportRequestContext): z.ZodType<SupportRequestValue> {
  const f = SUPPORT_REQUEST_FIELDS;
  return z.object({
    [f.specialisms]: atLeastOneOf(SPECIALISMS, { noun: 'specialism' }),
    [f.phase]: oneOf(PHASES, { noun: 'phase' }),
    [f.need]: requiredText({ min: 20, max: 2000 }),
    [f.outcomes]: requiredText({ min: 10, max: 2000 }),
    [f.daysWanted]: wholeNumber({ min: 1, max: 60 }),
    [f.preferredStart]: isoDate({ notBefore: englandDate(now) }),
    [f.ofstedContext]: optionalText({ max: 1000 }),
  });
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
        help: 'Between 20 and 2000 characters. Please do not name pupils.',
        required: true,
        multiline: true,
        maxLength: 2000,
      },
      {
        type: 'text',
        id: f.outcomes,
        label: 'What outcomes do you want?',
        help: 'Between 10 and 2000 characters.',
        required: true,
        multiline: true,
        maxLength: 2000,
      },
      {
        type: 'number',
        id: f.daysWanted,
        label: 'How many days of support do you want?',
        help: 'Whole days, from 1 to 60.',
        required: true,
        min: 1,
        max: 60,
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
        help: 'For example the latest judgement and its areas for improvement. Up to 1000 characters.',
        multiline: true,
        maxLength: 1000,
      },
    ],
    schema: createSupportRequestSchema(context),
  };
}
