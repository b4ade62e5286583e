import { strict as assert } from 'node:assert';
import { parseFormSubmission } from '../../../cards/form-definition.js';
import { createDeclineForm, DECLINE_ACTIONS, DECLINE_FIELDS, DECLINE_FORM_IDS } from '../../../cards/forms/decline-request.js';

describe('decline form', () => {
  const request = createDeclineForm({ purpose: 'request', subject: 'S2S-2026-0042: maths, primary' });
  const proposal = createDeclineForm({ purpose: 'proposal', subject: 'S2S-2026-0042: maths, primary' });

  it('has its own id and submit action for each purpose, so the edge can route them apart', () => {
    assert.deepEqual([request.id, request.submitActionId], [DECLINE_FORM_IDS.request, DECLINE_ACTIONS.declineRequest]);
    assert.deepEqual([proposal.id, proposal.submitActionId], [DECLINE_FORM_IDS.proposal, DECLINE_ACTIONS.declineProposal]);
  });

  it('shows what is being declined as read-only text', () => {
    assert.deepEqual(request.fields[0], { type: 'info', id: DECLINE_FIELDS.subject, text: 'S2S-2026-0042: maths, primary' });
  });

  it('accepts a reason of 5 to 500 characters', () => {
    assert.deepEqual(parseFormSubmission(request, { [DECLINE_FIELDS.reason]: ' No capacity this term. ' }), {
      ok: true,
      value: { reason: 'No capacity this term.' },
    });
  });

  it('refuses a missing, too short or too long reason', () => {
    const messageFor = (reason: string | undefined) => {
      const result = parseFormSubmission(proposal, { [DECLINE_FIELDS.reason]: reason });
      return result.ok ? undefined : result.problems;
    };
    assert.deepEqual(messageFor(undefined), [{ field: DECLINE_FIELDS.reason, message: 'Please answer this question.' }]);
    assert.deepEqual(messageFor('No'), [{ field: DECLINE_FIELDS.reason, message: 'Please write at least 5 characters (you wrote 2).' }]);
    assert.deepEqual(messageFor('x'.repeat(501)), [{ field: DECLINE_FIELDS.reason, message: 'Please keep this to 500 characters (you wrote 501).' }]);
  });
});
