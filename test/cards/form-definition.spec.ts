import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { inputFields, parseFormSubmission, type FormDefinition } from '../../cards/form-definition.js';
import { ALL, allFieldsForm } from './fixtures.js';

const valid = {
  [ALL.name]: '  Jo Bloggs  ',
  [ALL.story]: '',
  [ALL.count]: '7',
  [ALL.when]: '2026-12-01',
  [ALL.colour]: 'green',
  [ALL.tags]: ['a', 'c'],
  [ALL.agree]: true,
};

describe('parseFormSubmission', () => {
  it('types a valid submission: trims text, drops empty optional text, turns numbers into numbers', () => {
    const result = parseFormSubmission(allFieldsForm, valid);
    assert.deepEqual(result, {
      ok: true,
      value: { name: 'Jo Bloggs', count: 7, when: '2026-12-01', colour: 'green', tags: ['a', 'c'], agree: true },
    });
  });

  it('ignores values for ids the form does not have, such as Teams routing data', () => {
    const result = parseFormSubmission(allFieldsForm, { ...valid, formId: 'all-fields', verb: 'x' });
    assert.equal(result.ok, true);
  });

  it('reports one human message per field, keyed by field id', () => {
    const result = parseFormSubmission(allFieldsForm, {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems, [
      { field: ALL.name, message: 'Please answer this question.' },
      { field: ALL.count, message: 'Please answer this question.' },
      { field: ALL.when, message: 'Please answer this question.' },
      { field: ALL.colour, message: 'Please choose a colour.' },
      { field: ALL.tags, message: 'Please choose at least one tag.' },
      { field: ALL.agree, message: 'Please tick to agree.' },
    ]);
  });

  it('treats whitespace-only text as missing', () => {
    const result = parseFormSubmission(allFieldsForm, { ...valid, [ALL.name]: '   ' });
    assert.deepEqual(result, { ok: false, problems: [{ field: ALL.name, message: 'Please answer this question.' }] });
  });

  it('rejects number text that is not a plain decimal rather than letting Number() read it', () => {
    for (const count of ['0x5', '5 days', '1e1']) {
      const result = parseFormSubmission(allFieldsForm, { ...valid, [ALL.count]: count });
      assert.deepEqual(result, { ok: false, problems: [{ field: ALL.count, message: 'Please enter a whole number from 1 to 10.' }] }, count);
    }
  });

  it('rejects a choice that was never offered', () => {
    const result = parseFormSubmission(allFieldsForm, { ...valid, [ALL.tags]: ['a', 'zzz'] });
    assert.deepEqual(result, { ok: false, problems: [{ field: ALL.tags, message: 'Please choose tags from the list.' }] });
  });

  it('reads a multi-choice given as a single string as one choice', () => {
    const result = parseFormSubmission(allFieldsForm, { ...valid, [ALL.tags]: 'b' });
    assert.ok(result.ok && result.value.tags.length === 1 && result.value.tags[0] === 'b');
  });

  it('puts a problem with no field path on the first input, so a channel can still show it', () => {
    const form: FormDefinition<{ a?: string; b?: string }> = {
      id: 'either',
      title: 'Either',
      submitLabel: 'Go',
      submitActionId: 'either.go',
      fields: [
        { type: 'info', id: 'info', text: 'Fill in one.' },
        { type: 'text', id: 'a', label: 'A' },
        { type: 'text', id: 'b', label: 'B' },
      ],
      schema: z.object({ a: z.string().optional(), b: z.string().optional() })
        .refine((value) => value.a || value.b, { error: 'Please fill in A or B.' }),
    };
    assert.deepEqual(parseFormSubmission(form, {}), { ok: false, problems: [{ field: 'a', message: 'Please fill in A or B.' }] });
  });
});

describe('inputFields', () => {
  it('leaves out read-only info blocks', () => {
    assert.deepEqual(inputFields(allFieldsForm).map((field) => field.id), [
      ALL.name, ALL.story, ALL.count, ALL.when, ALL.colour, ALL.tags, ALL.agree,
    ]);
  });
});
