import { strict as assert } from 'node:assert';
import type { InputBlock, ModalView } from '@slack/types';
import type { FormDefinition, FormField } from '../../../cards/form-definition.js';
import { createDeclineForm } from '../../../cards/forms/decline-request.js';
import { createSupportRequestForm } from '../../../cards/forms/support-request.js';
import { renderFormToSlackModal } from '../../../cards/render/block-kit.js';
import { ALL, allFieldsForm, HOSTILE } from '../fixtures.js';

const modal = renderFormToSlackModal(allFieldsForm, { callbackId: 'all-fields' });
const block = (view: ModalView, id: string) => view.blocks.find((candidate) => candidate.block_id === id) as InputBlock;
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

function formWith(field: FormField, title = allFieldsForm.title): FormDefinition<unknown> {
  return { ...allFieldsForm, title, fields: [field] };
}

describe('renderFormToSlackModal', () => {
  it('builds a modal with callback id, metadata, title, submit and close', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', privateMetadata: '{"requestId":"r1"}' });
    assert.deepEqual(
      [view.type, view.callback_id, view.private_metadata, view.title, view.submit, view.close],
      ['modal', 'cb', '{"requestId":"r1"}', plain('Every field type'), plain('Save'), plain('Cancel')],
    );
    assert.deepEqual(view.blocks[0], { type: 'section', text: plain('A form used only by tests.') });
  });

  it('cuts a long title to 24 characters without splitting an emoji', () => {
    const view = renderFormToSlackModal(formWith(allFieldsForm.fields[0], 'Request support 😀😀😀😀😀😀 now'), { callbackId: 'cb' });
    assert.ok(view.title.text.length <= 24);
    assert.ok(view.title.text.endsWith('…'));
    assert.doesNotMatch(view.title.text, /[\uD800-\uDBFF]…$/, 'no lone high surrogate before the ellipsis');
  });

  it('the real forms\' titles and buttons fit Slack\'s 24 characters without being cut', () => {
    const forms = [
      createSupportRequestForm({ now: new Date('2026-11-23T10:00:00Z') }),
      createDeclineForm({ purpose: 'request', subject: 'S2S-2026-0042' }),
      createDeclineForm({ purpose: 'proposal', subject: 'S2S-2026-0042' }),
    ];
    for (const form of forms) {
      const view = renderFormToSlackModal(form, { callbackId: form.id });
      assert.deepEqual([view.title.text, view.submit?.text], [form.title, form.submitLabel]);
    }
  });

  it('refuses private metadata over 3000 characters rather than corrupt it', () => {
    assert.throws(() => renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', privateMetadata: 'x'.repeat(3001) }), RangeError);
  });

  it('text: plain_text_input in an input block whose block_id and action_id are the field id, help as hint', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', values: { [ALL.name]: 'Jo' } });
    assert.deepEqual(block(view, ALL.name), {
      type: 'input', block_id: ALL.name, label: plain('Name'), optional: false, hint: plain('Your full name.'),
      element: { type: 'plain_text_input', action_id: ALL.name, multiline: false, max_length: 50, placeholder: plain('Jo Bloggs'), initial_value: 'Jo' },
    });
  });

  it('text: multiline, and optional when not required', () => {
    const story = block(modal, ALL.story);
    assert.equal(story.optional, true);
    assert.deepEqual(story.element, { type: 'plain_text_input', action_id: ALL.story, multiline: true, max_length: 500 });
  });

  it('number: number_input for whole numbers within the range', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', values: { [ALL.count]: 4 } });
    assert.deepEqual(block(view, ALL.count).element, {
      type: 'number_input', action_id: ALL.count, is_decimal_allowed: false, min_value: '1', max_value: '10', initial_value: '4',
    });
  });

  it('date: datepicker with the prefilled date', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', values: { [ALL.when]: '2026-12-01' } });
    assert.deepEqual(block(view, ALL.when).element, { type: 'datepicker', action_id: ALL.when, initial_date: '2026-12-01' });
  });

  it('choice: static_select with the prefilled option', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', values: { [ALL.colour]: 'blue' } });
    const element = block(view, ALL.colour).element as { type: string; options: unknown[]; initial_option: unknown };
    assert.equal(element.type, 'static_select');
    assert.equal(element.options.length, 3);
    assert.deepEqual(element.initial_option, { text: plain('BLUE'), value: 'blue' });
  });

  it('multiChoice: multi_static_select with the prefilled options', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', values: { [ALL.tags]: ['a', 'c'] } });
    const element = block(view, ALL.tags).element as { type: string; initial_options: unknown[]; placeholder: unknown };
    assert.equal(element.type, 'multi_static_select');
    assert.deepEqual(element.initial_options, [{ text: plain('Tag a'), value: 'a' }, { text: plain('Tag c'), value: 'c' }]);
    assert.deepEqual(element.placeholder, plain('Pick tags'));
  });

  it('choice lists over 100 are cut to 100, with a note in the hint', () => {
    const choices = Array.from({ length: 140 }, (_, index) => ({ value: `v${index}`, label: `Choice ${index}` }));
    const view = renderFormToSlackModal(formWith({ type: 'choice', id: 'many', label: 'Many', help: 'Pick one.', choices }), { callbackId: 'cb' });
    const input = block(view, 'many');
    assert.equal((input.element as { options: unknown[] }).options.length, 100);
    assert.deepEqual(input.hint, plain('Pick one. Only the first 100 of 140 choices are shown.'));
  });

  it('option labels are cut to 75 characters', () => {
    const view = renderFormToSlackModal(formWith({ type: 'choice', id: 'long', label: 'L', choices: [{ value: 'x', label: 'y'.repeat(90) }] }), { callbackId: 'cb' });
    const option = (block(view, 'long').element as { options: { text: { text: string } }[] }).options[0];
    assert.equal(option.text.text.length, 75);
  });

  it('toggle: a single checkbox, ticked when prefilled on', () => {
    const view = renderFormToSlackModal(allFieldsForm, { callbackId: 'cb', values: { [ALL.agree]: true } });
    const option = { text: plain('I agree'), value: 'true' };
    assert.deepEqual(block(view, ALL.agree).element, { type: 'checkboxes', action_id: ALL.agree, options: [option], initial_options: [option] });
    assert.equal('initial_options' in block(modal, ALL.agree).element, false);
  });

  it('info: a plain_text section, so user content in it cannot mention or link', () => {
    const view = renderFormToSlackModal(formWith({ type: 'info', id: 'subject', text: HOSTILE }), { callbackId: 'cb' });
    assert.deepEqual(view.blocks[1], { type: 'section', block_id: 'subject', text: plain(HOSTILE) });
  });

  it('an unknown field type falls back to its text', () => {
    const view = renderFormToSlackModal(formWith({ type: 'slider', id: 'x', label: 'Pick a level' } as unknown as FormField), { callbackId: 'cb' });
    assert.deepEqual(view.blocks[1], { type: 'section', text: plain('Pick a level') });
  });
});
