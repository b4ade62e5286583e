import { strict as assert } from 'node:assert';
import { parseFormSubmission, type FormProblem } from '../../../cards/form-definition.js';
import {
  createSupportRequestForm, SUPPORT_REQUEST_ACTIONS, SUPPORT_REQUEST_FIELDS as F, SUPPORT_REQUEST_FORM_ID,
} from '../../../cards/forms/support-request.js';
import { SPECIALISMS } from '../../../services/domain/specialisms.js';
import { PHASES } from '../../../services/domain/phases.js';

// 10:00 on 23 November 2026 in England.
const form = createSupportRequestForm({ now: new Date('2026-11-23T10:00:00Z') });

const answers = {
  [F.specialisms]: ['maths', 'send'],
  [F.phase]: 'primary',
  [F.need]: 'Year 5 arithmetic results fell sharply this year.',
  [F.outcomes]: 'Stronger fluency in Year 5.',
  [F.daysWanted]: '6',
  [F.preferredStart]: '2026-11-23',
  [F.ofstedContext]: '',
};

function problemsFor(overrides: Record<string, string | string[] | undefined>): FormProblem[] {
  const result = parseFormSubmission(form, { ...answers, ...overrides });
  assert.equal(result.ok, false, 'expected the submission to be refused');
  return result.ok ? [] : result.problems;
}

describe('support request form', () => {
  it('has a stable id and submit action, and offers every specialism and phase', () => {
    assert.equal(form.id, SUPPORT_REQUEST_FORM_ID);
    assert.equal(form.submitActionId, SUPPORT_REQUEST_ACTIONS.submit);
    const choicesOf = (id: string) => form.fields.flatMap((field) => (field.id === id && 'choices' in field ? field.choices : []));
    assert.deepEqual(choicesOf(F.specialisms).map((choice) => choice.value), [...SPECIALISMS]);
    assert.deepEqual(choicesOf(F.phase).map((choice) => choice.value), [...PHASES]);
    assert.ok(choicesOf(F.specialisms).every((choice) => !choice.value.includes(',')), 'Teams joins multi-select values with commas');
  });

  it('parses a valid request into the typed value, leaving out an empty optional answer', () => {
    assert.deepEqual(parseFormSubmission(form, answers), {
      ok: true,
      value: {
        specialisms: ['maths', 'send'],
        phase: 'primary',
        need: 'Year 5 arithmetic results fell sharply this year.',
        outcomes: 'Stronger fluency in Year 5.',
        daysWanted: 6,
        preferredStart: '2026-11-23',
      },
    });
  });

  it('keeps the Ofsted context when given', () => {
    const result = parseFormSubmission(form, { ...answers, [F.ofstedContext]: 'Requires improvement, 2025.' });
    assert.ok(result.ok && result.value.ofstedContext === 'Requires improvement, 2025.');
  });

  it('asks for every missing required answer', () => {
    const problems = problemsFor({
      [F.specialisms]: [], [F.phase]: undefined, [F.need]: undefined, [F.outcomes]: '', [F.daysWanted]: '', [F.preferredStart]: undefined,
    });
    assert.deepEqual(problems, [
      { field: F.specialisms, message: 'Please choose at least one specialism.' },
      { field: F.phase, message: 'Please choose a phase.' },
      { field: F.need, message: 'Please answer this question.' },
      { field: F.outcomes, message: 'Please answer this question.' },
      { field: F.daysWanted, message: 'Please answer this question.' },
      { field: F.preferredStart, message: 'Please answer this question.' },
    ]);
  });

  it('refuses a need that is too short or too long', () => {
    assert.deepEqual(problemsFor({ [F.need]: 'Maths help' }), [
      { field: F.need, message: 'Please write at least 20 characters (you wrote 10).' },
    ]);
    assert.deepEqual(problemsFor({ [F.need]: 'x'.repeat(2001) }), [
      { field: F.need, message: 'Please keep this to 2000 characters (you wrote 2001).' },
    ]);
  });

  it('refuses days outside ½ to 60 and parts other than half days', () => {
    for (const days of ['0', '61', '2.25', 'six']) {
      assert.deepEqual(problemsFor({ [F.daysWanted]: days }), [
        { field: F.daysWanted, message: 'Please enter whole or half days from 0.5 to 60, for example 2 or 2.5.' },
      ], days);
    }
  });

  it('refuses a start date in the past, by England\'s calendar', () => {
    assert.deepEqual(problemsFor({ [F.preferredStart]: '2026-11-22' }), [
      { field: F.preferredStart, message: 'Please choose today or a later date.' },
    ]);
    const lateEvening = createSupportRequestForm({ now: new Date('2026-07-01T23:30:00Z') });
    const result = parseFormSubmission(lateEvening, { ...answers, [F.preferredStart]: '2026-07-01' });
    assert.equal(result.ok, false, 'at 00:30 BST on 2 July, 1 July is already past');
  });

  it('refuses an Ofsted context over 1000 characters', () => {
    assert.deepEqual(problemsFor({ [F.ofstedContext]: 'x'.repeat(1001) }), [
      { field: F.ofstedContext, message: 'Please keep this to 1000 characters (you wrote 1001).' },
    ]);
  });

  it('sets the date input\'s minimum to today so Teams can stop past dates early', () => {
    const date = form.fields.find((field) => field.id === F.preferredStart);
    assert.ok(date?.type === 'date' && date.min === '2026-11-23');
  });
});
