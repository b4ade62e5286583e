import assert from 'node:assert/strict';
import { appMention } from '../../../../../bot/slack/listeners/events/app-mention.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const mention = { type: 'app_mention', channel: 'C0BROKERAGE', user: 'U0DEMOMGR', text: '<@U0S2SBOT> use this channel for brokerage', ts: '1.1' };

describe('appMention', () => {
  it('runs the text without the mention as a channel turn and answers in the channel', async () => {
    const args = buildArgs();
    await appMention(args.turns)({ ...args, event: mention, body: { team_id: 'T0DEMO' } } as never);
    assert.equal((args.turnsSeen[0] as { text: string }).text, 'use this channel for brokerage');
    assert.equal(args.turnsSeen[0].place.scope, 'channel');
    assert.equal(args.turnsSeen[0].place.conversationId, 'C0BROKERAGE');
    assert.deepEqual(args.calls.map((c) => [c.method, c.args.channel]), [['chat.postMessage', 'C0BROKERAGE']]);
  });

  it('logs when the answer cannot be posted', async () => {
    const args = buildArgs({ failing: 'chat.postMessage' });
    await appMention(args.turns)({ ...args, event: mention, body: { team_id: 'T0DEMO' } } as never);
    assert.equal(args.errors.length, 1);
  });
});
