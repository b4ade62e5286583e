import assert from 'node:assert/strict';
import { DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { dmOf, SlackHarness } from '../../helpers/slack-harness.js';

describe('Slack: /slack/events checks who is calling', function () {
  this.timeout(30_000);
  const harness = new SlackHarness();
  before(() => harness.start());
  after(() => harness.stop());

  const body = () => new URLSearchParams({ command: '/s2s', text: 'help', user_id: DEMO_IDENTITIES.head.slackUserId, channel_id: dmOf(DEMO_IDENTITIES.head.slackUserId), response_url: harness.slack.responseUrl(), trigger_id: 't', team_id: 'T0DEMO' }).toString();

  it('made no call to Slack while starting', () => {
    assert.deepEqual(harness.slack.calls, []);
  });

  it('refuses a request signed with the wrong secret (401) and runs nothing', async () => {
    const response = await harness.send(body(), 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    assert.equal(response.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(harness.slack.calls, []);
  });

  it('refuses a correctly signed request replayed more than 5 minutes later (401)', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await harness.send(body(), 'application/x-www-form-urlencoded', { timestamp: sixMinutesAgo });
    assert.equal(response.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(harness.slack.calls, []);
  });

  it('refuses a correctly signed request dated more than 5 minutes in the future (401)', async () => {
    const sixMinutesAhead = Math.floor(Date.now() / 1000) + 6 * 60;
    const response = await harness.send(body(), 'application/x-www-form-urlencoded', { timestamp: sixMinutesAhead });
    assert.equal(response.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(harness.slack.calls, []);
  });

  it('acknowledges a replayed request (same signature) without running it again', async () => {
    harness.slack.calls.length = 0;
    const replayed = body();
    const timestamp = Math.floor(Date.now() / 1000);
    assert.equal((await harness.send(replayed, 'application/x-www-form-urlencoded', { timestamp })).status, 200);
    await harness.slack.waitFor('response_url');
    assert.equal((await harness.send(replayed, 'application/x-www-form-urlencoded', { timestamp })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(harness.slack.called('response_url').length, 1, 'the command ran once');
  });

  it('acknowledges Slack\'s retry of an event (same event_id, new signature) without running it again', async () => {
    harness.slack.calls.length = 0;
    const event = (retry: number) => JSON.stringify({
      token: 'legacy', team_id: 'T0DEMO', api_app_id: 'A0S2S', type: 'event_callback', event_id: 'Ev0RETRIED', event_time: 1 + retry,
      event: { type: 'message', channel_type: 'im', channel: dmOf(DEMO_IDENTITIES.head.slackUserId), user: DEMO_IDENTITIES.head.slackUserId, text: 'help', ts: '99.0001' },
    });
    assert.equal((await harness.send(event(0), 'application/json')).status, 200);
    await harness.slack.waitFor('chat.postMessage');
    assert.equal((await harness.send(event(1), 'application/json', { timestamp: Math.floor(Date.now() / 1000) + 1 })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(harness.slack.called('chat.postMessage').length, 1, 'the event ran once');
  });

  it('answers a correctly signed slash command with an ack, then the reply on its response_url', async () => {
    const response = await harness.send(body(), 'application/x-www-form-urlencoded');
    assert.equal(response.status, 200);
    const reply = await harness.slack.waitFor('response_url');
    assert.equal(reply.body.response_type, 'ephemeral');
    assert.match(JSON.stringify(reply.body.blocks), /Hello Mark Davies/);
  });

  it('answers Slack\'s url_verification challenge', async () => {
    const response = await harness.send(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }), 'application/json');
    assert.equal(response.status, 200);
    assert.match(response.text, /abc123/);
  });
});
