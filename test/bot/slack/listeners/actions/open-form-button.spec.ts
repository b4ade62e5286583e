import assert from 'node:assert/strict';
import { openFormButton } from '../../../../../bot/slack/listeners/actions/open-form-button.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const inDm = {
  user: { id: 'U0DEMOHEAD' }, team: { id: 'T0DEMO' }, trigger_id: 'trigger-3',
  channel: { id: 'D0HEAD', name: 'directmessage' },
  container: { type: 'message', channel_id: 'D0HEAD', message_ts: '1.000001' },
};
const launcher = (formId: string) => ({
  action_id: 'slack.open-form',
  value: JSON.stringify({ formId, data: JSON.stringify({ submissionId: 'abcdef123' }), values: JSON.stringify({ phase: 'primary' }) }),
});

describe('openFormButton', () => {
  it('opens the named form as a modal, prefilled, carrying its data in private_metadata', async () => {
    const args = buildArgs();
    await openFormButton(args.turns)({ ...args, body: inDm, action: launcher('support-request') } as never);
    assert.deepEqual(args.acks, ['ack']);
    const [open] = args.calls;
    assert.equal(open.method, 'views.open');
    const view = open.args.view as { private_metadata: string; blocks: unknown[] };
    assert.deepEqual(JSON.parse(view.private_metadata).data, { submissionId: 'abcdef123' });
    assert.match(JSON.stringify(view.blocks), /"initial_option":\{"text":\{"type":"plain_text","text":"Primary"/);
  });

  it('says a form it does not know is out of date', async () => {
    const args = buildArgs();
    await openFormButton(args.turns)({ ...args, body: inDm, action: launcher('retired-form') } as never);
    assert.equal(args.calls[0].method, 'chat.postMessage');
    assert.match(String(args.calls[0].args.text), /out of date/);
  });

  it('logs when views.open fails (an expired trigger_id)', async () => {
    const args = buildArgs({ failing: 'views.open' });
    await openFormButton(args.turns)({ ...args, body: inDm, action: launcher('support-request') } as never);
    assert.equal(args.errors.length, 1);
  });
});
