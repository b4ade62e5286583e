import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { MembershipRequest } from '../../../services/domain/membership.js';
import type { Person } from '../../../services/domain/person.js';
import { setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { requestToJoin } from '../../../services/membership/request-to-join.js';
import { requestToLeave } from '../../../services/membership/request-to-leave.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { submitRequestInTeams } from '../../helpers/workspace-fixtures.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { TeamsHarness } from '../../helpers/teams-harness.js';
import { WorkspaceClient } from '../../helpers/workspace-client.js';

const MOU = 'Member schools share expertise, take part in brokered support and pay the agreed day rates.';

// Requests to join (issue 20) decided in the workspace, through the same service as the brokerage card.
describe('workspace: joining and leaving', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let manager: WorkspaceClient;
  const ctx = () => ({ store: harness.app.store, clock: harness.clock });
  const ask = (urn: string, name: string, headName: string, email: string) => requestToJoin(ctx(), {
    channel: 'teams', userId: `aad-${urn}`, address: { conversation: { id: `a:${urn}` } },
  }, DEMO_ALLIANCE_ID, { school: { urn, name, phase: 'primary', postcode: 'WR2 4AA' }, headName, email, memorandumAcknowledged: true });

  before(async () => {
    await harness.start();
    await setJoiningSettings(ctx(), DEMO_ALLIANCE_ID, { listed: true, memorandum: MOU });
    await ask('990077', 'Willow Primary School', 'Wendy Willow', 'wendy@willow.example');
    await ask('990078', 'Hazel Primary School', 'Harry Hazel', 'harry@hazel.example');
    manager = new WorkspaceClient(harness.app.url);
    await manager.get('/workspace/sign-in');
    await manager.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.manager.email });
  });
  after(() => harness.stop());

  it('lists the schools waiting, with what the manager should check', async () => {
    const page = await manager.get('/workspace/membership');
    assert.equal(page.status, 200);
    assert.match(page.html, /Waiting for a decision \(2\)/);
    assert.match(page.html, /<h3>Willow Primary School asks to join<\/h3>[\s\S]*URN 990077 · Primary · WR2 4AA[\s\S]*wendy@willow\.example <span class="muted">\(typed in: check it before approving\)/);
    assert.match(page.html, /acknowledged the memorandum of understanding/);
  });

  it('approves a school: the school and its head join the directory, and the head is told', async () => {
    await manager.get('/workspace/membership');
    const approved = await manager.post('/workspace/membership/membership-join-990077/decide', { outcome: 'approve' });
    assert.equal(approved.status, 303);
    assert.match(approved.location!, /done=approve-join/);
    const [head] = await harness.app.store.query<Person>(DEMO_ALLIANCE_ID, { type: 'person', where: [{ field: 'email', op: 'eq', value: 'wendy@willow.example' }] });
    assert.deepEqual([head?.role, head?.baseSchoolUrn], ['head', '990077']);
    const outbox = await harness.app.store.query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' });
    assert.ok(outbox.some((m) => m.event.kind === 'membershipDecided' && m.event.membershipRequestId === 'membership-join-990077'));
    const page = await manager.get(approved.location!.replace(/^https?:\/\/[^/]+/, ''));
    assert.match(page.html, /Approved: the school and its head are in the directory/);
    assert.match(page.html, /<th scope="row">Willow Primary School \(URN 990077\)<\/th><td>Wendy Willow<\/td><td>Joined<\/td><td>Helen Carter<\/td>/);
    const twice = await manager.post('/workspace/membership/membership-join-990077/decide', { outcome: 'decline', reason: 'Changed our mind about it.' });
    assert.equal(twice.status, 409);
  });

  it('declines only with a reason, which the head is given', async () => {
    await manager.get('/workspace/membership');
    const bare = await manager.post('/workspace/membership/membership-join-990078/decide', { outcome: 'decline', reason: '' });
    assert.equal(bare.status, 400);
    assert.match(bare.html, /Nothing was changed. The reason to decline Hazel Primary School/);
    assert.equal((await harness.app.store.get<MembershipRequest>(DEMO_ALLIANCE_ID, 'membership-join-990078'))?.status, 'pending');
    const declined = await manager.post('/workspace/membership/membership-join-990078/decide', { outcome: 'decline', reason: 'We only take schools in Worcestershire.' });
    assert.equal(declined.status, 303);
    const request = await harness.app.store.get<MembershipRequest>(DEMO_ALLIANCE_ID, 'membership-join-990078');
    assert.deepEqual([request?.status, request?.decision?.reason], ['declined', 'We only take schools in Worcestershire.']);
  });

  it("lets a school leave, saying first what leaving closes, with the head's reason", async () => {
    const head = await harness.app.store.get<Person>(DEMO_ALLIANCE_ID, (await harness.app.store.query<Person>(DEMO_ALLIANCE_ID, { type: 'person', where: [{ field: 'email', op: 'eq', value: DEMO_IDENTITIES.head.email }] }))[0]!.id);
    await submitRequestInTeams(harness);
    await requestToLeave(ctx(), head!, { channel: 'teams', userId: DEMO_IDENTITIES.head.teamsAadObjectId, address: {} }, { reason: 'We are joining a multi-academy trust.' });
    const page = await manager.get('/workspace/membership');
    assert.match(page.html, /asks to leave<\/h3>[\s\S]*Why: We are joining a multi-academy trust\.[\s\S]*its requests waiting for a match are closed \(S2S-2026-0001\)/);
    const left = await manager.post(`/workspace/membership/membership-leave-${head!.baseSchoolUrn}/decide`, { outcome: 'approve' });
    assert.equal(left.status, 303);
    assert.match(left.location!, /done=approve-leave/);
    const [request] = await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });
    assert.equal(request?.status, 'closed');
    assert.match((await manager.get('/workspace/membership')).html, /<td>Left<\/td>/);
  });

  it('is for managers only', async () => {
    const head = new WorkspaceClient(harness.app.url);
    await head.get('/workspace/sign-in');
    await head.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.head.email });
    assert.equal((await head.get('/workspace/membership')).status, 403);
    await head.get('/workspace/my-work');
    assert.equal((await head.post('/workspace/membership/membership-join-990078/decide', { outcome: 'approve' })).status, 403);
  });
});
