import assert from 'node:assert/strict';
import { buttonData, scopeOf, slackPlace, slackTurn, withoutMentions } from '../../../bot/slack/to-turn.js';
import { stubSlackClient } from '../../helpers/slack-listener-args.js';

describe('Slack to-turn', () => {
  it('tells DMs, group DMs and channels apart from ids and Slack\'s hints', () => {
    assert.equal(scopeOf('D0HEAD'), 'personal');
    assert.equal(scopeOf('C0X', 'im'), 'personal');
    assert.equal(scopeOf('G0X', 'mpdm-a--b-1'), 'group');
    assert.equal(scopeOf('C0X', 'mpim'), 'group');
    assert.equal(scopeOf('C0BROKERAGE', 'brokerage'), 'channel');
  });

  it('addresses a DM by the person (for conversations.open) and a channel by its id', () => {
    assert.deepEqual(slackPlace({ userId: 'U1', teamId: 'T1', scope: 'personal', conversationId: 'D1' }).address, { userId: 'U1', teamId: 'T1' });
    assert.deepEqual(slackPlace({ userId: 'U1', scope: 'channel', conversationId: 'C1' }).address, { channel: 'C1' });
  });

  it('reads button data, treating anything but a JSON object as none', () => {
    assert.deepEqual(buttonData('{"requestId":"r1"}'), { requestId: 'r1' });
    assert.deepEqual(buttonData('not json'), {});
    assert.deepEqual(buttonData('[1]'), {});
    assert.deepEqual(buttonData(undefined), {});
  });

  it('drops mentions of the bot from what was said', () => {
    assert.equal(withoutMentions('<@U0S2SBOT>  use this <@U0X|helen> channel'), 'use this channel');
  });

  it('looks up the email with users.info, and treats Slack refusing as "not known"', async () => {
    const { client } = stubSlackClient();
    (client.users as unknown as { info: unknown }).info = async () => ({ ok: true, user: { profile: { email: 'mark@example.org' } } });
    const turn = slackTurn(client, { userId: 'U1', scope: 'personal', conversationId: 'D1' }, { kind: 'message', text: 'hi' });
    assert.equal(await turn.user.lookupEmail(), 'mark@example.org');
    (client.users as unknown as { info: unknown }).info = async () => {
      throw Object.assign(new Error('user_not_found'), { code: 'slack_webapi_platform_error', data: { error: 'user_not_found' } });
    };
    assert.equal(await turn.user.lookupEmail(), undefined);
    (client.users as unknown as { info: unknown }).info = async () => {
      throw Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' });
    };
    await assert.rejects(turn.user.lookupEmail(), /socket hang up/);
  });
});
