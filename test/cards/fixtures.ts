import { z } from 'zod';
import { atLeastOneOf, isoDate, oneOf, optionalText, requiredText, wholeNumber } from '../../services/domain/input-fields.js';
import type { FormDefinition } from '../../cards/form-definition.js';
import { actions, button, card, divider, facts, heading, list, text, type MessageCard } from '../../cards/message-card.js';

/** Text that would ping a channel, format and hide a link if a renderer passed it through as markup. */
export const HOSTILE = '<!channel> *bold* [x](http://evil) & <@U123>';

/** A form with one field of every type, so each renderer's converters are all exercised. */
export const ALL = {
  name: 'name',
  story: 'story',
  count: 'count',
  when: 'when',
  colour: 'colour',
  tags: 'tags',
  agree: 'agree',
  note: 'note',
} as const;

const COLOURS = ['red', 'green', 'blue'] as const;
const TAGS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

export interface AllFieldsValue {
  name: string;
  story?: string;
  count: number;
  when: string;
  colour: (typeof COLOURS)[number];
  tags: (typeof TAGS)[number][];
  agree: true;
}

export const allFieldsForm: FormDefinition<AllFieldsValue> = {
  id: 'all-fields',
  title: 'Every field type',
  submitLabel: 'Save',
  submitActionId: 'all-fields.submit',
  intro: 'A form used only by tests.',
  fields: [
    { type: 'info', id: ALL.note, text: 'Read this first.' },
    { type: 'text', id: ALL.name, label: 'Name', help: 'Your full name.', required: true, maxLength: 50, placeholder: 'Jo Bloggs' },
    { type: 'text', id: ALL.story, label: 'Story', multiline: true, maxLength: 500 },
    { type: 'number', id: ALL.count, label: 'Count', required: true, min: 1, max: 10 },
    { type: 'date', id: ALL.when, label: 'When', required: true, min: '2026-11-23' },
    { type: 'choice', id: ALL.colour, label: 'Colour', required: true, choices: COLOURS.map((value) => ({ value, label: value.toUpperCase() })) },
    { type: 'multiChoice', id: ALL.tags, label: 'Tags', required: true, choices: TAGS.map((value) => ({ value, label: `Tag ${value}` })), placeholder: 'Pick tags' },
    { type: 'toggle', id: ALL.agree, label: 'Confirmation', title: 'I agree', required: true },
  ],
  schema: z.object({
    [ALL.name]: requiredText({ max: 50 }),
    [ALL.story]: optionalText({ max: 500 }),
    [ALL.count]: wholeNumber({ min: 1, max: 10 }),
    [ALL.when]: isoDate({ notBefore: '2026-11-23' }),
    [ALL.colour]: oneOf(COLOURS, { noun: 'colour' }),
    [ALL.tags]: atLeastOneOf(TAGS, { noun: 'tag' }),
    [ALL.agree]: z.literal(true, { error: 'Please tick to agree.' }),
  }),
};

/** A message card with one element of every type, buttons of every style and a confirm. */
export function sampleCard(userText = 'Oakfield Primary needs maths support.'): MessageCard {
  return card(
    'New support request S2S-2026-0042',
    [
      heading(`Request from ${userText}`),
      text(userText),
      text('Submitted today', { muted: true }),
      facts([{ label: 'Reference', value: 'S2S-2026-0042' }, { label: 'Need', value: userText }]),
      divider(),
      list([
        { title: 'Ann Example', subtitle: userText, lines: ['maths, primary', '6 of 15 days free'] },
        { title: 'Bob Example' },
      ]),
      actions([
        button('request.approve', 'Approve', { requestId: 'r1', candidateId: 'p1' }, { style: 'primary' }),
        button('request.hold', 'Put on hold', { requestId: 'r1' }),
        button('request.decline', 'Decline', { requestId: 'r1' }, {
          style: 'danger',
          confirm: { title: 'Decline this request?', text: 'The school will be told.', confirmLabel: 'Decline', denyLabel: 'Keep it' },
        }),
      ]),
    ],
    'support-request:S2S-2026-0042',
  );
}

type Json = unknown;

/** Every object in a JSON tree, depth first, for assertions over a whole card. */
export function objectsIn(value: Json): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objectsIn)];
}
