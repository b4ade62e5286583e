import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import { deploymentIdFor } from '../../../services/requests/decide-request.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { BROKERAGE_CHANNEL, TeamsHarness } from '../../helpers/teams-harness.js';
import { WorkspaceClient } from '../../helpers/workspace-client.js';
import { linkBrokerageChannel, submitRequestInTeams } from '../../helpers/workspace-fixtures.js';

// The board over plain HTTP: the same services as the chat card, and the card in Teams follows.
describe('workspace: pipeline board', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  const client = () => new WorkspaceClient(harness.app.url);
  let manager: WorkspaceClient;
  const requests = () => harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest', orderBy: [{ field: 'createdAt' }] });

  before(async () => {
    await harness.start();
    await submitRequestInTeams(harness);
    harness.clock.advance(60_000);
    await submitRequestInTeams(harness, 'Our early reading and phonics results dropped and staff need training.');
    await linkBrokerageChannel(harness);
    manager = client();
    await manager.get('/workspace/sign-in');
    await manager.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.manager.email });
  });
  after(() => harness.stop());

  it('lists open requests by stage with their age, and filters them', async () => {
    harness.clock.advance(3 * 24 * 3600_000);
    const board = await manager.get('/workspace/board');
    assert.equal(board.status, 200);
    assert.match(board.html, /Waiting for a decision \(2\)/);
    assert.match(board.html, /S2S-2026-0001: /);
    assert.match(board.html, /3 days old/);
    // Asked on Mon 23 Nov; a decision is due in 2 working days, so on Thu 26 Nov it is a day late.
    assert.match(board.html, /Next step <span class="late">1 day overdue<\/span><\/p>/);
    const filtered = await manager.get('/workspace/board?stage=on-hold');
    assert.doesNotMatch(filtered.html, /S2S-2026-0001/);
    assert.match(filtered.html, /On hold \(0\)/);
  });

  it('refuses a decline without a reason and changes nothing', async () => {
    const [request] = await requests();
    await manager.get('/workspace/board');
    const answer = await manager.post(`/workspace/board/requests/${request!.id}/decide`, { outcome: 'decline', reason: 'no' });
    assert.equal(answer.status, 400);
    assert.match(answer.html, /Nothing was changed. The reason to decline S2S-2026-0001: Please write at least 5 characters/);
    assert.equal((await requests())[0]!.status, 'matching');
  });

  it('approves a candidate through the same service, and the Teams card updates through the outbox', async () => {
    const [request] = await requests();
    await manager.get('/workspace/board');
    const candidate = request!.candidates[0]!;
    const answer = await manager.post(`/workspace/board/requests/${request!.id}/decide`, { outcome: 'approve', candidateId: candidate.personId });
    assert.equal(answer.status, 303);
    assert.match(answer.location!, /done=approve&ref=S2S-2026-0001/);
    const [approved] = await requests();
    assert.equal(approved!.status, 'proposed');
    assert.equal(approved!.matchedSupporterId, candidate.personId);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const updates = harness.connector.updates(BROKERAGE_CHANNEL.conversationId);
    assert.ok(updates.some((u) => /Approved by Helen Carter/.test(textOf(u))), 'the manager card in Teams shows the approval');
    const again = await manager.post(`/workspace/board/requests/${request!.id}/decide`, { outcome: 'on-hold' });
    assert.equal(again.status, 409);
    assert.match(again.html, /Helen Carter already decided this request/);
  });

  it('shows when the supporter must answer, and reminds them from the board once a day', async () => {
    const [proposed, waiting] = await requests();
    const board = await manager.get('/workspace/board');
    assert.match(board.html, /Next step <span>due Tue 1 Dec<\/span>, waiting on the supporter/);
    const reminded = await manager.post(`/workspace/board/requests/${proposed!.id}/remind`, {});
    assert.equal(reminded.status, 303);
    assert.match(reminded.location!, /done=remind&ref=S2S-2026-0001/);
    const outbox = await harness.app.store.query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' });
    const nudges = outbox.filter((m) => m.event.kind === 'serviceLevelNudge');
    assert.deepEqual(nudges.map((m) => m.target), [{ kind: 'person', personId: proposed!.matchedSupporterId }]);
    await manager.get('/workspace/board');
    const again = await manager.post(`/workspace/board/requests/${proposed!.id}/remind`, {});
    assert.equal(again.status, 409);
    assert.match(again.html, /S2S-2026-0001 was reminded less than a day ago/);
    const own = await manager.post(`/workspace/board/requests/${waiting!.id}/remind`, {});
    assert.equal(own.status, 409);
    assert.match(own.html, /waiting on nobody but the alliance/);
  });

  it('puts a request on hold, then declines it with a reason', async () => {
    const second = (await requests())[1]!;
    await manager.get('/workspace/board');
    assert.equal((await manager.post(`/workspace/board/requests/${second.id}/decide`, { outcome: 'on-hold' })).status, 303);
    assert.equal((await requests())[1]!.status, 'on-hold');
    await manager.get('/workspace/board');
    assert.equal((await manager.post(`/workspace/board/requests/${second.id}/decide`, { outcome: 'decline', reason: 'We have no phonics capacity this term.' })).status, 303);
    const declined = (await requests())[1]!;
    assert.equal(declined.status, 'declined');
    assert.equal(declined.decision?.reason, 'We have no phonics capacity this term.');
  });

  it('closes a request only with a reason, releasing its supporter, and it leaves the board', async () => {
    const [proposed] = await requests();
    await manager.get('/workspace/board');
    const bare = await manager.post(`/workspace/board/requests/${proposed!.id}/close`, { reason: 'no' });
    assert.equal(bare.status, 400);
    assert.match(bare.html, /Nothing was changed. The reason to close S2S-2026-0001: Please write at least 5 characters/);
    assert.equal((await requests())[0]!.status, 'proposed');
    const closed = await manager.post(`/workspace/board/requests/${proposed!.id}/close`, { reason: 'The school has found support through its trust.' });
    assert.equal(closed.status, 303);
    assert.match(closed.location!, /done=close&ref=S2S-2026-0001/);
    const [after] = await requests();
    assert.equal(after!.status, 'closed');
    const deployment = await harness.app.store.get<Deployment>(DEMO_ALLIANCE_ID, deploymentIdFor(after!.id, after!.matchedSupporterId!));
    assert.equal(deployment?.status, 'cancelled', 'the supporter is released');
    const board = await manager.get('/workspace/board');
    assert.doesNotMatch(board.html, /id="request-S2S-2026-0001"/);
    const again = await manager.post(`/workspace/board/requests/${proposed!.id}/close`, { reason: 'Closing it a second time.' });
    assert.equal(again.status, 409);
  });
});
