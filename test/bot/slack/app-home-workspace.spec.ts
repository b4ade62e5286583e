import assert from 'node:assert/strict';
import { DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { SlackHarness } from '../../helpers/slack-harness.js';
import { signInLinkPath, WorkspaceClient } from '../../helpers/workspace-client.js';

// The Slack App Home leads into the workspace: its button sends a one-time link by DM, which signs the manager in.
describe('Slack App Home: into the workspace', function () {
  this.timeout(60_000);
  const harness = new SlackHarness();
  before(() => harness.start());
  after(() => harness.stop());

  it('shows the button, and pressing it sends a sign-in link that opens the board', async () => {
    const manager = DEMO_IDENTITIES.manager.slackUserId;
    await harness.event({ type: 'app_home_opened', user: manager, channel: 'D0MGR', tab: 'home' });
    const published = await harness.slack.waitFor('views.publish');
    assert.match(JSON.stringify(published.body.view), /"action_id":"menu\.open-workspace"/);

    await harness.press(manager, 'menu.open-workspace', {}, 'home');
    const sent = await harness.slack.waitFor('chat.postMessage', (c) => c.body.channel === manager && /\/workspace\/link\?t=/.test(String(c.body.text)));
    const client = new WorkspaceClient(harness.app.url);
    await client.get(signInLinkPath(String(sent.body.text)));
    const signedIn = await client.post('/workspace/link', { token: /name="token" value="([^"]+)"/.exec(client.lastHtml)![1]! });
    assert.equal(signedIn.status, 303);
    assert.equal((await client.get('/workspace')).location, '/workspace/board');
  });
});
