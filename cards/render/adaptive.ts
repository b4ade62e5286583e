import {
  inputFields,
  type ChoiceField, type DateField, type FormDefinition, type FormField, type FormProblem, type FormValues,
  type InputField, type MultiChoiceField, type NumberField, type RawValue, type RawValues, type TextField,
  type ToggleField,
} from '../form-definition.js';
import { fallbackTextOf } from '../message-card.js';
import { adaptiveCard, executeAction, plainText, readTeamsAction, type AcObject, type AdaptiveCardJson } from './adaptive-parts.js';

export { renderCardToAdaptiveCard } from './adaptive-message.js';
export { readTeamsAction, VERB_KEY, type AdaptiveCardJson, type TeamsAction } from './adaptive-parts.js';

/** Key of the form id in the submit button's data. */
export const FORM_ID_KEY = 'formId';

/** Short choice lists read better as radio buttons or checkboxes than as a dropdown. */
const EXPANDED_MAX = 6;

export interface AdaptiveFormOptions {
  values?: FormValues;
  errors?: readonly FormProblem[];
  /** Extra submit data, e.g. the id of the request being declined. */
  actionData?: Readonly<Record<string, unknown>>;
}

export function renderFormToAdaptiveCard(
  definition: FormDefinition<unknown>,
  { values = {}, errors = [], actionData = {} }: AdaptiveFormOptions = {},
): AdaptiveCardJson {
  // The title is authored in the form file, so a markdown TextBlock (with heading semantics) is safe.
  const body: AcObject[] = [{ type: 'TextBlock', text: definition.title, style: 'heading', wrap: true }];
  if (definition.intro) body.push(plainText(definition.intro));
  for (const field of definition.fields) {
    body.push(convertField(field, values[field.id]));
    const problem = errors.find((candidate) => candidate.field === field.id);
    if (problem) body.push({ type: 'TextBlock', text: problem.message, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' });
    if (field.type !== 'info' && field.help) body.push(plainText(field.help, { size: 'Small', isSubtle: true }, { spacing: 'Small' }));
  }
  const data = { ...actionData, [FORM_ID_KEY]: definition.id };
  return adaptiveCard(body, {
    actions: [executeAction(definition.submitLabel, definition.submitActionId, data, 'positive')],
    msteams: { width: 'Full' },
  });
}

type Prefill = FormValues[string];

function convertField(field: FormField, value: Prefill): AcObject {
  switch (field.type) {
    case 'text': return convertText(field, value);
    case 'number': return convertNumber(field, value);
    case 'date': return convertDate(field, value);
    case 'choice': return convertChoice(field, value);
    case 'multiChoice': return convertMultiChoice(field, value);
    case 'toggle': return convertToggle(field, value);
    case 'info': return plainText(field.text);
    default: return plainText(fallbackTextOf(field));
  }
}

function convertText(field: TextField, value: Prefill): AcObject {
  return input('Input.Text', field, 'Please answer this question.', {
    value: typeof value === 'string' ? value : undefined,
    isMultiline: field.multiline || undefined,
    maxLength: field.maxLength,
    placeholder: field.placeholder,
  });
}

function convertNumber(field: NumberField, value: Prefill): AcObject {
  const range = field.min !== undefined && field.max !== undefined ? ` from ${field.min} to ${field.max}` : '';
  const number = typeof value === 'number' ? value : Number(typeof value === 'string' && value.trim() !== '' ? value : NaN);
  return input('Input.Number', field, `Please enter ${field.halfDays ? 'whole or half days' : 'a whole number'}${range}.`, {
    // Input.Number cannot hold text that is not a number, so such an answer is dropped (its error still shows).
    value: Number.isFinite(number) ? number : undefined,
    min: field.min,
    max: field.max,
    placeholder: field.placeholder,
  });
}

function convertDate(field: DateField, value: Prefill): AcObject {
  return input('Input.Date', field, 'Please choose a date.', {
    value: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined,
    min: field.min,
  });
}

function convertChoice(field: ChoiceField, value: Prefill): AcObject {
  return input('Input.ChoiceSet', field, 'Please choose an option.', {
    value: typeof value === 'string' ? value : undefined,
    ...choiceSet(field),
  });
}

function convertMultiChoice(field: MultiChoiceField, value: Prefill): AcObject {
  const selected = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
  return input('Input.ChoiceSet', field, 'Please choose at least one option.', {
    value: selected || undefined,
    isMultiSelect: true,
    ...choiceSet(field),
  });
}

function convertToggle(field: ToggleField, value: Prefill): AcObject {
  return input('Input.Toggle', field, 'Please tick to confirm.', {
    title: field.title,
    value: value === true || value === 'true' ? 'true' : 'false',
  });
}

function choiceSet(field: ChoiceField | MultiChoiceField): Record<string, unknown> {
  return {
    choices: field.choices.map((choice) => ({ title: choice.label, value: choice.value })),
    style: field.choices.length <= EXPANDED_MAX ? 'expanded' : undefined,
    placeholder: field.placeholder,
  };
}

/** Leaves out absent and default properties, which adaptivecards would otherwise drop on a round trip. */
function input(type: string, field: InputField, errorMessage: string, extra: Record<string, unknown>): AcObject {
  const all: Record<string, unknown> = { type, id: field.id, label: field.label, isRequired: field.required || undefined, errorMessage, ...extra };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as AcObject;
}

/**
 * Turns Teams' submitted values (Action.Submit's `activity.value`, or `activity.value.action.data`
 * of an Action.Execute invoke) into the neutral raw values of this form's fields.
 */
export function parseTeamsSubmission(definition: FormDefinition<unknown>, activityValue: unknown): RawValues {
  const { data } = readTeamsAction(activityValue);
  return Object.fromEntries(inputFields(definition).map((field) => [field.id, fromTeams(field, data[field.id])]));
}

function fromTeams(field: InputField, value: unknown): RawValue {
  // Teams sends every input as a string; other hosts may send numbers or booleans.
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  switch (field.type) {
    case 'multiChoice': return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'toggle': return text === 'true';
    default: return text;
  }
}
