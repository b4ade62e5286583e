import { z } from 'zod';
import { requiredText } from '../field-schemas.js';
import type { FormDefinition } from '../form-definition.js';

export const PLAN_CHANGES_FORM_ID = 'plan-changes';

export const PLAN_CHANGES_ACTIONS = {
  submit: 'plan-changes.submit',
} as const;

export const PLAN_CHANGES_FIELDS = {
  subject: 'subject',
  comment: 'comment',
} as const;

export interface PlanChangesValue {
  comment: string;
}

export const planChangesSchema: z.ZodType<PlanChangesValue> = z.object({
  [PLAN_CHANGES_FIELDS.comment]: requiredText({ min: 5, max: 1000 }),
});

/** Any party asks for the plan to change; every confirmation is cleared and the supporter revises it. */
export function createPlanChangesForm({ subject }: { subject: string }): FormDefinition<PlanChangesValue> {
  return {
    id: PLAN_CHANGES_FORM_ID,
    title: 'Ask for plan changes',
    submitLabel: 'Ask for changes',
    submitActionId: PLAN_CHANGES_ACTIONS.submit,
    fields: [
      { type: 'info', id: PLAN_CHANGES_FIELDS.subject, text: subject },
      {
        type: 'text', id: PLAN_CHANGES_FIELDS.comment, label: 'What should change?', required: true, multiline: true, maxLength: 1000,
        help: 'The supporter, the school and the alliance manager will see this. Between 5 and 1000 characters.',
      },
    ],
    schema: planChangesSchema,
  };
}
