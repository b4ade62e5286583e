import assert from 'node:assert/strict';
import { encodeFormMetadata } from '../../../../../bot/slack/form-metadata.js';
import { formSubmission } from '../../../../../bot/slack/listeners/views/form-submission.js';
import { supportRequestState } from '../../../../helpers/slack-harness.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const answers = {
  specialisms: ['maths'], phase: 'primary', daysWanted: '4', preferredStart: '2026-12-01',
  need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
  outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
};
const metadata = (formId = 'support-request') =>
  encodeFormMetadata({ formId, data: { submissionId: 'abcdef123' }, origin: { scope: 'personal', conversationId: 'D0HEAD', teamId: 'T0DEMO' } });
const submitted = (values: Record<string, Record<string, unknown>>, formId?: string) =>
  ({ view: { private_metadata: metadata(formId), state: { values } }, body: { user: { id: 'U0DEMOHEAD' } } });

describe('formSubmission', () => {
  it('acks a valid form empty (closing the modal), then runs it and posts the result to the DM', async () => {
    const args = buildArgs();
    await formSubmission(args.turns)({ ...args, ...submitted(supportRequestState(answers)) } as never);
    assert.deepEqual(args.acks, ['ack']);
    const turn = args.turnsSeen[0] as { kind: string; formId: string; data: unknown; values: Record<string, unknown> };
    assert.equal(turn.kind, 'formSubmit');
    assert.deepEqual(turn.data, { submissionId: 'abcdef123' });
    assert.deepEqual(turn.values.specialisms, ['maths']);
    assert.deepEqual(args.calls.map((c) => [c.method, c.args.channel]), [['chat.postMessage', 'U0DEMOHEAD']]);
  });

  it('returns schema errors in the ack on the right blocks and runs no turn', async () => {
    const args = buildArgs();
    await formSubmission(args.turns)({ ...args, ...submitted(supportRequestState({ ...answers, need: 'short', daysWanted: '0' })) } as never);
    const [ack] = args.acks as Array<{ response_action: string; errors: Record<string, string> }>;
    assert.equal(ack.response_action, 'errors');
    assert.deepEqual(Object.keys(ack.errors).sort(), ['daysWanted', 'need']);
    assert.equal(args.turnsSeen.length, 0);
  });

  it('replaces a modal this version cannot read with an out-of-date notice', async () => {
    const args = buildArgs();
    await formSubmission(args.turns)({ ...args, ...submitted({}, 'retired-form') } as never);
    assert.match(JSON.stringify(args.acks[0]), /"response_action":"update".*out of date/);
    assert.equal(args.turnsSeen.length, 0);
  });

  it('logs a failed turn and tells the person by DM', async () => {
    const args = buildArgs({ turnFails: true });
    await formSubmission(args.turns)({ ...args, ...submitted(supportRequestState(answers)) } as never);
    assert.equal(args.errors.length, 1);
    assert.match(String(args.calls[0].args.text), /something went wrong/);
  });
});
