import { strict as assert } from 'node:assert';
import { parseFormSubmission, type FormDefinition } from '../../../cards/form-definition.js';
import { createDeclineForm, DECLINE_FIELDS } from '../../../cards/forms/decline-request.js';
import { createSupportRequestForm, SUPPORT_REQUEST_FIELDS as F } from '../../../cards/forms/support-request.js';
import { parseTeamsSubmission, renderFormToAdaptiveCard } from '../../../cards/render/adaptive.js';
import { parseSlackViewSubmission, renderFormToSlackModal } from '../../../cards/render/block-kit.js';
import { ALL, allFieldsForm } from '../fixtures.js';
import { slackStateFor, teamsInvokeValue, teamsSubmitValue, type Answers } from '../hosts.js';

// The same person giving the same answers in Teams (either action type) and in Slack must produce
// the same typed value, or the same problems: the form is defined once and parsed once.

function viaEveryChannel(form: FormDefinition<unknown>, answers: Answers) {
  const card = renderFormToAdaptiveCard(form, { actionData: { requestId: 'r1' } });
  const modal = renderFormToSlackModal(form, { callbackId: form.id });
  return {
    teamsExecute: parseFormSubmission(form, parseTeamsSubmission(form, teamsInvokeValue(card, answers))),
    teamsSubmit: parseFormSubmission(form, parseTeamsSubmission(form, teamsSubmitValue(card, answers))),
    slack: parseFormSubmission(form, parseSlackViewSubmission(form, slackStateFor(modal, answers))),
  };
}

function assertSame(results: ReturnType<typeof viaEveryChannel>, expected: unknown): void {
  assert.deepEqual(results.teamsExecute, expected, 'Teams Action.Execute');
  assert.deepEqual(results.teamsSubmit, expected, 'Teams Action.Submit');
  assert.deepEqual(results.slack, expected, 'Slack view_submission');
}

describe('Teams and Slack submissions of the same answers', () => {
  const supportRequest = createSupportRequestForm({ now: new Date('2026-11-23T10:00:00Z') });

  it('support request: the identical typed value', () => {
    const answers = {
      [F.specialisms]: ['maths', 'closing-the-gap', 'itt-ect'],
      [F.phase]: 'all-through',
      [F.need]: 'Our Year 7 intake arrives with very mixed arithmetic, commas, and all.',
      [F.outcomes]: 'Consistent KS3 maths teaching.',
      [F.daysWanted]: 12,
      [F.preferredStart]: '2027-01-11',
    };
    assertSame(viaEveryChannel(supportRequest, answers), {
      ok: true,
      value: {
        specialisms: ['maths', 'closing-the-gap', 'itt-ect'],
        phase: 'all-through',
        need: 'Our Year 7 intake arrives with very mixed arithmetic, commas, and all.',
        outcomes: 'Consistent KS3 maths teaching.',
        daysWanted: 12,
        preferredStart: '2027-01-11',
      },
    });
  });

  it('support request: the identical problems for the same mistakes', () => {
    const answers = { [F.phase]: 'primary', [F.need]: 'Too short', [F.outcomes]: 'Better maths.', [F.daysWanted]: 90, [F.preferredStart]: '2026-11-01' };
    assertSame(viaEveryChannel(supportRequest, answers), {
      ok: false,
      problems: [
        { field: F.specialisms, message: 'Please choose at least one specialism.' },
        { field: F.need, message: 'Please write at least 20 characters (you wrote 9).' },
        { field: F.daysWanted, message: 'Please enter whole or half days from 0.5 to 60, for example 2 or 2.5.' },
        { field: F.preferredStart, message: 'Please choose today or a later date.' },
      ],
    });
  });

  it('every field type: the identical typed value', () => {
    const answers = { [ALL.name]: 'Jo', [ALL.count]: 10, [ALL.when]: '2026-11-23', [ALL.colour]: 'blue', [ALL.tags]: ['b', 'h'], [ALL.agree]: true };
    assertSame(viaEveryChannel(allFieldsForm, answers), {
      ok: true,
      value: { name: 'Jo', count: 10, when: '2026-11-23', colour: 'blue', tags: ['b', 'h'], agree: true },
    });
  });

  it('every field type: an unticked confirmation is refused everywhere', () => {
    const answers = { [ALL.name]: 'Jo', [ALL.count]: 1, [ALL.when]: '2026-11-23', [ALL.colour]: 'red', [ALL.tags]: ['a'], [ALL.agree]: false };
    assertSame(viaEveryChannel(allFieldsForm, answers), { ok: false, problems: [{ field: ALL.agree, message: 'Please tick to agree.' }] });
  });

  it('decline: the identical reason', () => {
    const form = createDeclineForm({ purpose: 'request', subject: 'S2S-2026-0042' });
    assertSame(viaEveryChannel(form, { [DECLINE_FIELDS.reason]: 'No supporter is free until summer.' }), {
      ok: true,
      value: { reason: 'No supporter is free until summer.' },
    });
  });
});
