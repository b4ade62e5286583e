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
