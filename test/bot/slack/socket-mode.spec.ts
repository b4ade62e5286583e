import assert from 'node:assert/strict';
import { SlackHarness } from '../../helpers/slack-harness.js';

describe('Slack: Socket Mode with SLACK_APP_TOKEN', function () {
  this.timeout(30_000);
  const harness = new SlackHarness();
  before(() => harness.start({ SLACK_APP_TOKEN: 'xapp-test' }));
  after(() => harness.stop());

  it('asks Slack for a socket with the app token, without holding up start-up', async () => {
    const open = await harness.slack.waitFor('apps.connections.open');
    assert.equal(open.token, 'xapp-test');
    const health = await fetch(`${harness.app.url}/healthz`);
    assert.equal(health.status, 200);
  });
});
