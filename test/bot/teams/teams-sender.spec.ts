import assert from 'node:assert/strict';
import { pino } from 'pino';
import { card, text } from '../../../cards/message-card.js';
import { ChannelApiError } from '../../../services/errors.js';
import { createTeamsAdapter } from '../../../bot/teams/create-adapter.js';
import { TeamsSender } from '../../../bot/teams/TeamsSender.js';
import { FakeBotConnector } from '../../helpers/fake-bot-connector.js';

describe('TeamsSender: proactive messages through the Bot Connector', () => {
  const connector = new FakeBotConnector();
  let sender: TeamsSender;
  const address = () => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: 'a:personal-1', conversationType: 'personal' },
    bot: { id: '28:s2s-bot', name: 'S2S' },
  });
  const hello = card('Hello', [text('Hello')], 'greeting');

  before(async () => {
    await connector.start();
    sender = new TeamsSender(createTeamsAdapter({ enabled: true, appType: 'MultiTenant' }, pino({ level: 'silent' })).adapter, '');
  });
  after(() => connector.stop());
  beforeEach(() => { connector.clear(); connector.failNext = []; });

  it('posts a card and returns the new message id for later updates', async () => {
    const posted = await sender.post(address(), hello);
    assert.match(posted.messageId, /^activity-/);
    assert.equal(connector.posted('a:personal-1').length, 1);
    await sender.update(posted, hello);
    assert.equal(connector.updates('a:personal-1')[0].activityId, posted.messageId);
  });

  it('reports a removed conversation as a permanent failure, and sends no apology into it', async () => {
    connector.failNext = [{ status: 404 }];
    await assert.rejects(sender.post(address(), hello), (error: unknown) => error instanceof ChannelApiError && error.permanent && error.status === 404);
    assert.equal(connector.posted('a:personal-1').length, 0);
  });

  it('reports throttling that outlasts the connector client\'s own retries as retryable', async function () {
    this.timeout(60_000);
    connector.failNext = Array.from({ length: 20 }, () => ({ status: 429 }));
    await assert.rejects(sender.post(address(), hello), (error: unknown) => error instanceof ChannelApiError && !error.permanent && error.status === 429);
  });
});
