import assert from 'node:assert/strict';
import { directMessage } from '../../../../../bot/slack/listeners/events/direct-message.js';
import { createSupportRequestForm } from '../../../../../cards/forms/support-request.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const dm = (fields: Record<string, unknown> = {}) => ({ type: 'message', channel_type: 'im', channel: 'D0HEAD', user: 'U0DEMOHEAD', text: 'my requests', ...fields });

describe('directMessage', () => {
  it('runs a DM as a personal message turn and replies in the DM', async () => {
    const args = buildArgs();
    await directMessage(args.turns)({ ...args, message: dm(), body: { team_id: 'T0DEMO' } } as never);
    assert.equal(args.turnsSeen[0].place.scope, 'personal');
    assert.equal(args.turnsSeen[0].user.userId, 'U0DEMOHEAD');
    assert.deepEqual(args.calls.map((c) => [c.method, c.args.channel]), [['chat.postMessage', 'D0HEAD']]);
  });

  it('ignores edits and bot posts, its own included', async () => {
    const args = buildArgs();
    await directMessage(args.turns)({ ...args, message: dm({ subtype: 'message_changed' }), body: {} } as never);
    await directMessage(args.turns)({ ...args, message: dm({ bot_id: 'B0S2S' }), body: {} } as never);
    assert.equal(args.turnsSeen.length, 0);
  });

  it('posts a launcher button for a form, as a DM message gives no trigger_id', async () => {
    const form = createSupportRequestForm({ now: new Date('2026-11-23T10:00:00Z') });
    const args = buildArgs({ result: { replies: [{ kind: 'form', form, values: { specialisms: ['maths'] }, data: { submissionId: 'abcdef123' } }] } });
    await directMessage(args.turns)({ ...args, message: dm(), body: { team_id: 'T0DEMO' } } as never);
    const [post] = args.calls;
    assert.equal(post.method, 'chat.postMessage');
    const button = JSON.stringify(post.args.blocks);
    assert.match(button, /slack\.open-form/);
    assert.match(button, /maths/);
  });

  it('logs a failed turn and tells the person', async () => {
    const args = buildArgs({ turnFails: true });
    await directMessage(args.turns)({ ...args, message: dm(), body: { team_id: 'T0DEMO' } } as never);
    assert.equal(args.errors.length, 1);
    assert.match(String(args.calls[0].args.text), /something went wrong/);
  });
});
