import assert from 'node:assert/strict';
import { DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { BROKERAGE_CHANNEL, TeamsHarness } from '../../helpers/teams-harness.js';
import { WorkspaceClient } from '../../helpers/workspace-client.js';
import { MANAGER, submitRequestInTeams } from '../../helpers/workspace-fixtures.js';

// Finance and delivery problems: the same services as the CLI and chat, on screen.
describe('workspace: finance and delivery problems', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let manager: WorkspaceClient;

  before(async () => {
    await harness.start();
    manager = new WorkspaceClient(harness.app.url);
    await manager.get('/workspace/sign-in');
    await manager.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.manager.email });
  });
  after(() => harness.stop());

  it('lists a notification that could not be delivered, and sends it again once the cause is fixed', async () => {
    await submitRequestInTeams(harness);
    await harness.app.outbox.runOnce();
    const problems = await manager.get('/workspace/delivery');
    assert.match(problems.html, /The manager channel/);
    assert.match(problems.html, /No brokerage channel is linked/);
    await harness.say(MANAGER, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
    harness.connector.clear();
    const messageId = /name="messageId" value="([^"]+)"/.exec(problems.html)![1]!;
    const queued = await manager.post('/workspace/delivery/send-again', { messageId });
    assert.equal(queued.status, 303);
    await harness.app.outbox.runOnce();
    assert.ok(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).length >= 1, 'the request card reached the channel');
    assert.doesNotMatch((await manager.get('/workspace/delivery')).html, /No brokerage channel is linked/);
    const twice = await manager.post('/workspace/delivery/send-again', { messageId });
    assert.equal(twice.status, 400);
  });

  it('shows the finance summary for a period and downloads the same CSV as the command line', async () => {
    const page = await manager.get('/workspace/finance?from=2026-09-01&to=2026-11-23');
    assert.equal(page.status, 200);
    assert.match(page.html, /delivered from 2026-09-01 to 2026-11-23/);
    const csv = await manager.get('/workspace/finance.csv?from=2026-09-01&to=2026-11-23');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /finance-2026-09-01-to-2026-11-23\.csv/);
    assert.match(csv.html, /^reference,kind,deployment_id/);
    const backwards = await manager.get('/workspace/finance?from=2026-11-23&to=2026-09-01');
    assert.equal(backwards.status, 400);
    assert.match(backwards.html, /the end date is before the start date/);
  });
});
