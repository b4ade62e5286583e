import assert from 'node:assert/strict';
import { LogLevel, WebClient } from '@slack/web-api';
import { SlackSender } from '../../../bot/slack/SlackSender.js';
import { actions, button, card, text } from '../../../cards/message-card.js';
import { ChannelApiError } from '../../../services/errors.js';
import { FakeSlackApi } from '../../helpers/fake-slack-api.js';

const notice = card('Matched', [text('Matched with Priya Shah'), actions([button('menu.my-requests', 'My requests', {})])]);

describe('SlackSender', () => {
  const slack = new FakeSlackApi();
  let sender: SlackSender;
  before(async () => {
    await slack.start();
    sender = new SlackSender(new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }));
  });
  after(() => slack.stop());
  beforeEach(() => slack.clear());

  it('posts to a channel address directly and keeps the address as given', async () => {
    const posted = await sender.post({ channel: 'C0BROKERAGE' }, notice);
    assert.deepEqual(slack.calls.map((c) => c.method), ['chat.postMessage']);
    assert.equal(slack.calls[0].body.channel, 'C0BROKERAGE');
    assert.equal(slack.calls[0].body.text, 'Matched');
    assert.deepEqual(posted.address, { channel: 'C0BROKERAGE' });
    assert.match(posted.messageId, /^\d+\.\d+$/);
  });

  it('opens the DM with conversations.open for a person, then posts there', async () => {
    const posted = await sender.post({ userId: 'U0DEMOHEAD', teamId: 'T0DEMO' }, notice);
    assert.deepEqual(slack.calls.map((c) => c.method), ['conversations.open', 'chat.postMessage']);
    assert.equal(slack.calls[0].body.users, 'U0DEMOHEAD');
    assert.equal(slack.calls[1].body.channel, 'D0DEMOHEAD');
    assert.deepEqual(posted.address, { userId: 'U0DEMOHEAD', teamId: 'T0DEMO' });
  });

  it('updates a posted message in place with chat.update', async () => {
    await sender.update({ messageId: '1764000000.000001', address: { channel: 'C0BROKERAGE' } }, notice);
    const [update] = slack.called('chat.update');
    assert.equal(update.body.ts, '1764000000.000001');
    assert.equal(update.body.channel, 'C0BROKERAGE');
  });

  it('gives up (permanent) when the bot was removed from the channel', async () => {
    slack.failNext.push({ method: 'chat.postMessage', error: 'not_in_channel' });
    await assert.rejects(sender.post({ channel: 'C0GONE' }, notice), (error: unknown) =>
      error instanceof ChannelApiError && error.permanent && /not_in_channel/.test(error.message));
  });

  it('asks for a retry after Slack\'s Retry-After when rate limited', async () => {
    slack.failNext.push({ method: 'chat.postMessage', error: 'ratelimited' });
    await assert.rejects(sender.post({ channel: 'C0BROKERAGE' }, notice), (error: unknown) =>
      error instanceof ChannelApiError && !error.permanent && error.status === 429 && error.retryAfterMs === 7000);
  });

  it('gives up on a Slack that never answers within the client timeout, as retryable', async () => {
    // The client warns of the timeout it is made to hit: expected, so kept off the test output.
    const impatient = new SlackSender(new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, timeout: 200, logLevel: LogLevel.ERROR }));
    slack.stallNext.push('chat.postMessage');
    await assert.rejects(impatient.post({ channel: 'C0BROKERAGE' }, notice), (error: unknown) => error instanceof ChannelApiError && !error.permanent);
  });

  it('retries a Slack-side failure such as internal_error', async () => {
    slack.failNext.push({ method: 'conversations.open', error: 'internal_error' });
    await assert.rejects(sender.post({ userId: 'U0DEMOHEAD' }, notice), (error: unknown) => error instanceof ChannelApiError && !error.permanent);
    assert.equal(slack.called('chat.postMessage').length, 0);
  });
});
