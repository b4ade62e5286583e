import assert from 'node:assert/strict';
import { cardButton } from '../../../../../bot/slack/listeners/actions/card-button.js';
import { card, text } from '../../../../../cards/message-card.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const inChannel = {
  user: { id: 'U0DEMOMGR' }, team: { id: 'T0DEMO' }, trigger_id: 'trigger-2',
  channel: { id: 'C0BROKERAGE', name: 'brokerage' },
  container: { type: 'message', channel_id: 'C0BROKERAGE', message_ts: '1.000009', is_ephemeral: false },
};
const approve = { action_id: 'request.approve', value: JSON.stringify({ requestId: 'request-1', candidateId: 'person-2' }) };

describe('cardButton', () => {
  it('acks, sends the button as an action turn and updates the pressed message in place', async () => {
    const args = buildArgs({ result: { replies: [], replaceSource: { kind: 'card', card: card('Approved', [text('Approved')]) } } });
    await cardButton(args.turns)({ ...args, body: inChannel, action: approve } as never);
    assert.deepEqual(args.acks, ['ack']);
    assert.deepEqual(args.turnsSeen[0], { ...args.turnsSeen[0], kind: 'action', actionId: 'request.approve', data: { requestId: 'request-1', candidateId: 'person-2' } });
    assert.deepEqual(args.calls.map((c) => [c.method, c.args.channel, c.args.ts]), [['chat.update', 'C0BROKERAGE', '1.000009']]);
  });

  it('answers only the presser in a channel (e.g. a refusal)', async () => {
    const args = buildArgs({ result: { replies: [{ kind: 'text', text: 'Only the alliance manager can do that.' }] } });
    await cardButton(args.turns)({ ...args, body: inChannel, action: approve } as never);
    assert.equal(args.calls.length, 0);
    assert.equal(args.responses[0].response_type, 'ephemeral');
    assert.equal(args.responses[0].replace_original, false);
  });

  it('logs and apologises when chat.update fails', async () => {
    const args = buildArgs({ failing: 'chat.update', result: { replies: [], replaceSource: { kind: 'text', text: 'done' } } });
    await cardButton(args.turns)({ ...args, body: inChannel, action: approve } as never);
    assert.equal(args.errors.length, 1);
    assert.match(String(args.responses[0].text), /something went wrong/);
  });
});
