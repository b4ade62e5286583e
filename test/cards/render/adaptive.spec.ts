import { strict as assert } from 'node:assert';
import type { FormDefinition, FormField } from '../../../cards/form-definition.js';
import { FORM_ID_KEY, parseTeamsSubmission, readTeamsAction, renderFormToAdaptiveCard, VERB_KEY } from '../../../cards/render/adaptive.js';
import { ALL, allFieldsForm, HOSTILE, objectsIn } from '../fixtures.js';

const card = renderFormToAdaptiveCard(allFieldsForm);
const byId = (rendered: object, id: string) => objectsIn(rendered).find((element) => element.id === id);

function formWith(field: FormField): FormDefinition<unknown> {
  return { ...allFieldsForm, fields: [field] };
}

describe('renderFormToAdaptiveCard', () => {
  it('renders a version 1.5 card with the title as a heading and the intro', () => {
    assert.equal(card.version, '1.5');
    assert.deepEqual(card.body[0], { type: 'TextBlock', text: 'Every field type', style: 'heading', wrap: true });
    assert.deepEqual(card.body[1], { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'A form used only by tests.' }] });
  });

  it('text: single-line Input.Text with label, isRequired, errorMessage, maxLength and placeholder', () => {
    assert.deepEqual(byId(card, ALL.name), {
      type: 'Input.Text', id: ALL.name, label: 'Name', isRequired: true, errorMessage: 'Please answer this question.',
      maxLength: 50, placeholder: 'Jo Bloggs',
    });
  });

  it('text: multi-line and optional (no isRequired)', () => {
    const story = byId(card, ALL.story);
    assert.equal(story?.isMultiline, true);
    assert.equal('isRequired' in (story ?? {}), false);
  });

  it('number: Input.Number with its range in min, max and the error message', () => {
    assert.deepEqual(byId(renderFormToAdaptiveCard(allFieldsForm, { values: { [ALL.count]: '4' } }), ALL.count), {
      type: 'Input.Number', id: ALL.count, label: 'Count', isRequired: true,
      errorMessage: 'Please enter a whole number from 1 to 10.', value: 4, min: 1, max: 10,
    });
  });

  it('date: Input.Date with its minimum', () => {
    const date = byId(renderFormToAdaptiveCard(allFieldsForm, { values: { [ALL.when]: '2026-12-01' } }), ALL.when);
    assert.deepEqual([date?.type, date?.min, date?.value], ['Input.Date', '2026-11-23', '2026-12-01']);
  });

  it('choice: a short list is an expanded (radio) ChoiceSet with the labels as titles', () => {
    const colour = byId(renderFormToAdaptiveCard(allFieldsForm, { values: { [ALL.colour]: 'blue' } }), ALL.colour);
    assert.equal(colour?.type, 'Input.ChoiceSet');
    assert.equal(colour?.style, 'expanded');
    assert.equal(colour?.value, 'blue');
    assert.equal('isMultiSelect' in (colour ?? {}), false);
    assert.deepEqual((colour?.choices as unknown[])[0], { title: 'RED', value: 'red' });
  });

  it('multiChoice: a long list is a compact multi-select holding the selection comma-joined', () => {
    const tags = byId(renderFormToAdaptiveCard(allFieldsForm, { values: { [ALL.tags]: ['a', 'c'] } }), ALL.tags);
    assert.deepEqual([tags?.isMultiSelect, tags?.style, tags?.value, tags?.placeholder], [true, undefined, 'a,c', 'Pick tags']);
  });

  it('toggle: Input.Toggle with its title, off unless prefilled on', () => {
    assert.deepEqual(byId(card, ALL.agree), {
      type: 'Input.Toggle', id: ALL.agree, label: 'Confirmation', isRequired: true, errorMessage: 'Please tick to confirm.',
      title: 'I agree', value: 'false',
    });
    assert.equal(byId(renderFormToAdaptiveCard(allFieldsForm, { values: { [ALL.agree]: true } }), ALL.agree)?.value, 'true');
  });

  it('info: read-only text as a TextRun, so user content in it is never parsed as markdown', () => {
    const rendered = renderFormToAdaptiveCard(formWith({ type: 'info', id: 'subject', text: HOSTILE }));
    assert.deepEqual(rendered.body[2], { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: HOSTILE }] });
    const markdownTexts = objectsIn(rendered).filter((element) => element.type === 'TextBlock').map((element) => element.text);
    assert.ok(markdownTexts.every((value) => !String(value).includes('http://evil')));
  });

  it('an unknown field type falls back to its text instead of vanishing', () => {
    const rendered = renderFormToAdaptiveCard(formWith({ type: 'slider', id: 'x', label: 'Pick a level' } as unknown as FormField));
    assert.deepEqual(rendered.body[2], { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Pick a level' }] });
  });

  it('shows help as small subtle text after the input', () => {
    const index = card.body.findIndex((element) => element.id === ALL.name);
    assert.deepEqual(card.body[index + 1], {
      type: 'RichTextBlock', spacing: 'Small', inlines: [{ type: 'TextRun', text: 'Your full name.', size: 'Small', isSubtle: true }],
    });
  });

  it('shows a server-side error in red right under its field and keeps what was typed', () => {
    const rendered = renderFormToAdaptiveCard(allFieldsForm, {
      values: { [ALL.name]: 'J', [ALL.story]: 'Once upon a time' },
      errors: [{ field: ALL.name, message: 'Too short.' }],
    });
    const index = rendered.body.findIndex((element) => element.id === ALL.name);
    assert.equal(rendered.body[index].value, 'J');
    assert.deepEqual(rendered.body[index + 1], { type: 'TextBlock', text: 'Too short.', color: 'Attention', size: 'Small', wrap: true, spacing: 'None' });
    assert.equal(byId(rendered, ALL.story)?.value, 'Once upon a time');
    assert.equal(objectsIn(rendered).filter((element) => element.color === 'Attention').length, 1);
  });

  it('submits with Action.Execute (verb = submit action id) and an Action.Submit fallback with the same data', () => {
    const rendered = renderFormToAdaptiveCard(allFieldsForm, { actionData: { requestId: 'r1' } });
    assert.deepEqual(rendered.actions, [{
      type: 'Action.Execute', title: 'Save', verb: 'all-fields.submit', style: 'positive',
      data: { requestId: 'r1', [FORM_ID_KEY]: 'all-fields' },
      fallback: {
        type: 'Action.Submit', title: 'Save', style: 'positive',
        data: { requestId: 'r1', [FORM_ID_KEY]: 'all-fields', [VERB_KEY]: 'all-fields.submit' },
      },
    }]);
  });

  it('does not let actionData overwrite the form id', () => {
    const rendered = renderFormToAdaptiveCard(allFieldsForm, { actionData: { [FORM_ID_KEY]: 'other' } });
    assert.equal((rendered.actions?.[0].data as Record<string, unknown>)[FORM_ID_KEY], 'all-fields');
  });
});

describe('parseTeamsSubmission', () => {
  const data = {
    formId: 'all-fields', [ALL.name]: 'Jo', [ALL.count]: '3', [ALL.tags]: 'a, c,', [ALL.agree]: 'true', [ALL.story]: '',
  };
  const expected = { [ALL.name]: 'Jo', [ALL.story]: '', [ALL.count]: '3', [ALL.when]: undefined, [ALL.colour]: undefined, [ALL.tags]: ['a', 'c'], [ALL.agree]: true };

  it('reads an Action.Execute invoke (activity.value.action.data)', () => {
    const value = { action: { type: 'Action.Execute', verb: 'all-fields.submit', data }, trigger: 'manual' };
    assert.deepEqual(parseTeamsSubmission(allFieldsForm, value), expected);
  });

  it('reads an Action.Submit message (activity.value itself)', () => {
    assert.deepEqual(parseTeamsSubmission(allFieldsForm, { ...data, verb: 'all-fields.submit' }), expected);
  });

  it('reads "false" as an unticked toggle and accepts numbers and booleans from other hosts', () => {
    const raw = parseTeamsSubmission(allFieldsForm, { [ALL.agree]: 'false', [ALL.count]: 3 });
    assert.deepEqual([raw[ALL.agree], raw[ALL.count]], [false, '3']);
    assert.equal(parseTeamsSubmission(allFieldsForm, { [ALL.agree]: true })[ALL.agree], true);
  });

  it('gives nothing for a value that is not an object', () => {
    assert.ok(Object.values(parseTeamsSubmission(allFieldsForm, 'nonsense')).every((value) => value === undefined));
  });
});

describe('readTeamsAction', () => {
  it('finds the verb of an invoke and of a fallback submit', () => {
    assert.deepEqual(readTeamsAction({ action: { type: 'Action.Execute', verb: 'v', data: { a: 1 } } }), { verb: 'v', data: { a: 1 } });
    assert.deepEqual(readTeamsAction({ a: 1, verb: 'v' }), { verb: 'v', data: { a: 1, verb: 'v' } });
    assert.deepEqual(readTeamsAction(undefined), { data: {} });
  });
});
