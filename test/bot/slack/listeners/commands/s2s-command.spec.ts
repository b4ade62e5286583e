import assert from 'node:assert/strict';
import { s2sCommand } from '../../../../../bot/slack/listeners/commands/s2s-command.js';
import { createSupportRequestForm } from '../../../../../cards/forms/support-request.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const command = (text: string, channel = { channel_id: 'D0HEAD', channel_name: 'directmessage' }) =>
  ({ user_id: 'U0DEMOHEAD', team_id: 'T0DEMO', text, trigger_id: 'trigger-1', ...channel });

describe('s2sCommand', () => {
  it('acks first, runs the text as a message turn and answers on the response_url', async () => {
    const args = buildArgs();
    await s2sCommand(args.turns)({ ...args, command: command(' find maths primary ') } as never);
    assert.deepEqual(args.acks, ['ack']);
    assert.equal(args.turnsSeen[0].kind, 'message');
    assert.equal((args.turnsSeen[0] as { text: string }).text, 'find maths primary');
    assert.equal(args.turnsSeen[0].place.scope, 'personal');
    assert.deepEqual(args.turnsSeen[0].place.address, { userId: 'U0DEMOHEAD', teamId: 'T0DEMO' });
    assert.equal(args.responses[0].response_type, 'ephemeral');
  });

  it('treats a bare /s2s as help, and a channel as a channel', async () => {
    const args = buildArgs();
    await s2sCommand(args.turns)({ ...args, command: command('', { channel_id: 'C0BROKERAGE', channel_name: 'brokerage' }) } as never);
    assert.equal((args.turnsSeen[0] as { text: string }).text, 'help');
    assert.equal(args.turnsSeen[0].place.scope, 'channel');
    assert.deepEqual(args.turnsSeen[0].place.address, { channel: 'C0BROKERAGE', teamId: 'T0DEMO' });
  });

  it('opens a form reply as a modal with the trigger_id', async () => {
    const form = createSupportRequestForm({ now: new Date('2026-11-23T10:00:00Z') });
    const args = buildArgs({ result: { replies: [{ kind: 'form', form, data: { submissionId: 'abcdef123' } }] } });
    await s2sCommand(args.turns)({ ...args, command: command('request') } as never);
    assert.deepEqual(args.calls.map((c) => c.method), ['views.open']);
    assert.equal(args.calls[0].args.trigger_id, 'trigger-1');
  });

  it('logs a failed turn and tells the person, after the ack', async () => {
    const args = buildArgs({ turnFails: true });
    await s2sCommand(args.turns)({ ...args, command: command('help') } as never);
    assert.deepEqual(args.acks, ['ack']);
    assert.equal(args.errors.length, 1);
    assert.match(String(args.responses[0].text), /something went wrong/);
  });
});
