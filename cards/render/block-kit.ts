import type { InputBlock, InputBlockElement, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type {
  Choice, ChoiceField, DateField, FormDefinition, FormField, FormValues, InputField, MultiChoiceField, NumberField,
  TextField, ToggleField,
} from '../form-definition.js';
import { fallbackTextOf } from '../message-card.js';
import { plain, SLACK_LIMITS as LIMIT } from './slack-text.js';

import { TOGGLE_ON } from './block-kit-submission.js';

export { renderCardToBlockKit, type SlackMessage } from './block-kit-message.js';
export { parseSlackViewSubmission, toSlackErrors, type SlackStateValue, type SlackStateValues } from './block-kit-submission.js';
export { escapeMrkdwn } from './slack-text.js';

export interface SlackModalOptions {
  values?: FormValues;
  callbackId: string;
  /** Round-tripped by Slack (≤ 3000 characters), e.g. JSON naming the record the form is about. */
  privateMetadata?: string;
}

export function renderFormToSlackModal(definition: FormDefinition<unknown>, options: SlackModalOptions): ModalView {
  const { values = {}, callbackId, privateMetadata = '' } = options;
  // Cutting metadata would corrupt it, so an oversized value is a programming error.
  if (privateMetadata.length > LIMIT.privateMetadata) throw new RangeError(`private_metadata for ${definition.id} is over 3000 characters`);
  const intro: KnownBlock[] = definition.intro ? [{ type: 'section', text: plain(definition.intro, LIMIT.sectionText) }] : [];
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: plain(definition.title, LIMIT.viewTitle),
    submit: plain(definition.submitLabel, LIMIT.viewButton),
    close: plain('Cancel', LIMIT.viewButton),
    blocks: [...intro, ...definition.fields.map((field) => convertField(field, values[field.id]))],
  };
}

type Prefill = FormValues[string];

function convertField(field: FormField, value: Prefill): KnownBlock {
  switch (field.type) {
    case 'text': return convertText(field, value);
    case 'number': return convertNumber(field, value);
    case 'date': return convertDate(field, value);
    case 'choice': return convertChoice(field, value);
    case 'multiChoice': return convertMultiChoice(field, value);
    case 'toggle': return convertToggle(field, value);
    case 'info': return { type: 'section', block_id: field.id, text: plain(field.text, LIMIT.sectionText) };
    default: return { type: 'section', text: plain(fallbackTextOf(field) || ' ', LIMIT.sectionText) };
  }
}

function convertText(field: TextField, value: Prefill): InputBlock {
  return inputBlock(field, {
    type: 'plain_text_input',
    action_id: field.id,
    multiline: field.multiline ?? false,
    ...(field.maxLength !== undefined && { max_length: field.maxLength }),
    ...(field.placeholder && { placeholder: plain(field.placeholder, LIMIT.placeholder) }),
    ...(typeof value === 'string' && value !== '' && { initial_value: value }),
  });
}

function convertNumber(field: NumberField, value: Prefill): InputBlock {
  const initial = typeof value === 'number' ? String(value) : typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  return inputBlock(field, {
    type: 'number_input',
    action_id: field.id,
    is_decimal_allowed: field.halfDays === true,
    ...(field.min !== undefined && { min_value: String(field.min) }),
    ...(field.max !== undefined && { max_value: String(field.max) }),
    ...(field.placeholder && { placeholder: plain(field.placeholder, LIMIT.placeholder) }),
    ...(initial !== undefined && { initial_value: initial }),
  });
}

function convertDate(field: DateField, value: Prefill): InputBlock {
  // Slack's datepicker has no minimum date; the schema enforces field.min.
  return inputBlock(field, {
    type: 'datepicker',
    action_id: field.id,
    ...(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && { initial_date: value }),
  });
}

function convertChoice(field: ChoiceField, value: Prefill): InputBlock {
  const options = optionsOf(field.choices);
  const initial = options.find((option) => option.value === value);
  return inputBlock(field, {
    type: 'static_select',
    action_id: field.id,
    options,
    ...(field.placeholder && { placeholder: plain(field.placeholder, LIMIT.placeholder) }),
    ...(initial && { initial_option: initial }),
  }, truncationNote(field.choices));
}

function convertMultiChoice(field: MultiChoiceField, value: Prefill): InputBlock {
  const options = optionsOf(field.choices);
  const selected = Array.isArray(value) ? value : [];
  const initial = options.filter((option) => option.value !== undefined && selected.includes(option.value));
  return inputBlock(field, {
    type: 'multi_static_select',
    action_id: field.id,
    options,
    ...(field.placeholder && { placeholder: plain(field.placeholder, LIMIT.placeholder) }),
    ...(initial.length > 0 && { initial_options: initial }),
  }, truncationNote(field.choices));
}

function convertToggle(field: ToggleField, value: Prefill): InputBlock {
  const option: PlainTextOption = { text: plain(field.title, LIMIT.optionText), value: TOGGLE_ON };
  const checked = value === true || value === 'true';
  return inputBlock(field, {
    type: 'checkboxes',
    action_id: field.id,
    options: [option],
    ...(checked && { initial_options: [option] }),
  });
}

function optionsOf(choices: readonly Choice[]): PlainTextOption[] {
  return choices.slice(0, LIMIT.selectOptions).map((choice) => ({ text: plain(choice.label, LIMIT.optionText), value: choice.value }));
}

function truncationNote(choices: readonly Choice[]): string | undefined {
  return choices.length > LIMIT.selectOptions
    ? `Only the first ${LIMIT.selectOptions} of ${choices.length} choices are shown.`
    : undefined;
}

/** block_id and action_id are both the field id, so state values and error maps line up with it. */
function inputBlock(field: InputField, element: InputBlockElement, note?: string): InputBlock {
  const hint = [field.help, note].filter(Boolean).join(' ');
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, LIMIT.label),
    optional: !field.required,
    ...(hint && { hint: plain(hint, LIMIT.hint) }),
    element,
  };
}
