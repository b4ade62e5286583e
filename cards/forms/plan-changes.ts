import { PLAN_LIMITS, planChangesInputSchema, type PlanChangesInput } from '../../services/domain/deployment-plan.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';

export const PLAN_CHANGES_FORM_ID = 'plan-changes';

export const PLAN_CHANGES_ACTIONS = {
  submit: 'plan-changes.submit',
} as const;

export const PLAN_CHANGES_FIELDS = {
  subject: 'subject',
  comment: 'comment',
} as const;


/** Any party asks for the plan to change; every confirmation is cleared and the supporter revises it. */
export function createPlanChangesForm({ subject }: { subject: string }): FormDefinition<PlanChangesInput> {
  return {
    id: PLAN_CHANGES_FORM_ID,
    title: 'Ask for plan changes',
    submitLabel: 'Ask for changes',
    submitActionId: PLAN_CHANGES_ACTIONS.submit,
    fields: [
      { type: 'info', id: PLAN_CHANGES_FIELDS.subject, text: subject },
      {
        type: 'text', id: PLAN_CHANGES_FIELDS.comment, label: 'What should change?', required: true, multiline: true, maxLength: PLAN_LIMITS.comment,
        help: `The supporter, the school and the alliance manager will see this. Between 5 and ${PLAN_LIMITS.comment} characters.`,
      },
    ],
    schema: mapOnto((answers) => answers, planChangesInputSchema),
  };
}
