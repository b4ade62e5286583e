import { inputFields, type FormDefinition, type FormProblem, type InputField, type RawValue, type RawValues } from '../form-definition.js';

/** The value of a toggle's single checkbox option. */
export const TOGGLE_ON = 'true';

/** A submitted modal's state as Slack sends it in `view.state.values` (block id → action id → value). */
export type SlackStateValues = Readonly<Record<string, Readonly<Record<string, SlackStateValue>>>>;

export interface SlackStateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: readonly { value?: string }[];
}

export function parseSlackViewSubmission(definition: FormDefinition<unknown>, stateValues: SlackStateValues): RawValues {
  return Object.fromEntries(inputFields(definition).map((field) => [field.id, fromSlack(field, stateValues[field.id]?.[field.id])]));
}

function fromSlack(field: InputField, state: SlackStateValue | undefined): RawValue {
  switch (field.type) {
    case 'date': return state?.selected_date ?? undefined;
    case 'choice': return state?.selected_option?.value;
    case 'multiChoice': return (state?.selected_options ?? []).flatMap((option) => option.value ?? []);
    case 'toggle': return (state?.selected_options ?? []).some((option) => option.value === TOGGLE_ON);
    default: return state?.value ?? undefined;
  }
}

/** The reply to a `view_submission` that shows each problem under its field, keeping the answers. */
export function toSlackErrors(problems: readonly FormProblem[]): { response_action: 'errors'; errors: Record<string, string> } {
  return { response_action: 'errors', errors: Object.fromEntries(problems.map((problem) => [problem.field, problem.message])) };
}
