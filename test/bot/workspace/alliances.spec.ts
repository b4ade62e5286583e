import assert from 'node:assert/strict';
import { importPeople } from '../../../services/directory/import-people.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { Person } from '../../../services/domain/person.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { requestToJoin } from '../../../services/membership/request-to-join.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { REPORT_MANAGER_ID, reportAlliance } from '../../helpers/report-fixtures.js';
import { personalChat, TeamsHarness } from '../../helpers/teams-harness.js';
import { signInLinkPath, WorkspaceClient } from '../../helpers/workspace-client.js';
import { MANAGER, signInLinkFor, submitRequestInTeams } from '../../helpers/workspace-fixtures.js';

// A manager of two alliances chooses one; a manager of one alliance never reaches another's records,
// whatever they put in the address or the form.
describe('workspace: more than one alliance', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let demoRequest: SupportRequest;
  let demoSupporter: Person;

  async function redeem(client: WorkspaceClient, path: string): Promise<string> {
    await client.get(path);
    const answer = await client.post('/workspace/link', { token: /name="token" value="([^"]+)"/.exec(client.lastHtml)![1]! });
    assert.equal(answer.status, 303);
    return (await client.get('/workspace')).location!;
  }

  before(async () => {
    await harness.start();
    await harness.app.store.upsertAll!(reportAlliance('report-hub'));
    // Helen Carter manages Riverside (the demo) and, with the same Teams account, Report Hub.
    await importPeople(harness.app.store, harness.clock, 'report-hub', {
      fileName: 'people.csv',
      text: `email,name,role,base_school_urn,designation,specialisms,phases,days_per_year,teams_aad_object_id\n${DEMO_IDENTITIES.manager.email},Helen Carter,manager,,,,,,${MANAGER.aadObjectId}\n`,
    });
    await submitRequestInTeams(harness);
    demoRequest = (await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' }))[0]!;
    demoSupporter = (await harness.app.store.query<Person>(DEMO_ALLIANCE_ID, { type: 'person', where: [{ field: 'role', op: 'eq', value: 'supporter' }], limit: 1 }))[0]!;
  });
  after(() => harness.stop());

  it('asks a manager of two alliances which one, shows only its records, and lets them switch', async () => {
    harness.connector.clear();
    await harness.say(MANAGER, 'open the workspace');
    // In chat the bot first asks which alliance the conversation is about; the link then opens both.
    await harness.press(MANAGER, 'alliance.choose', { allianceId: DEMO_ALLIANCE_ID }, 'chooser-card');
    await harness.say(MANAGER, 'open the workspace');
    const helen = new WorkspaceClient(harness.app.url);
    const landing = await redeem(helen, signInLinkPath(textOf(harness.connector.posted(personalChat(MANAGER).conversationId).at(-1)!)));
    assert.equal(landing, '/workspace/choose');
    assert.equal((await helen.get('/workspace/board')).location, '/workspace/choose', 'no alliance until one is chosen');
    const chooser = await helen.get('/workspace/choose');
    assert.match(chooser.html, /<h2>Report Hub<\/h2><p>As manager<\/p>[\s\S]*<h2>Riverside Teaching School Hub<\/h2><p>As manager<\/p>/);

    assert.equal((await helen.post('/workspace/choose', { allianceId: 'report-hub' })).status, 303);
    const reportBoard = await helen.get('/workspace/board');
    assert.match(reportBoard.html, /Report Hub/);
    assert.match(reportBoard.html, /Switch alliance/);
    assert.match(reportBoard.html, /S2S-2026-0001: Ash Secondary|S2S-2026-0001: Oak Primary/);
    assert.doesNotMatch(reportBoard.html, /Hawthorn Junior School/);

    await helen.get('/workspace/choose');
    assert.equal((await helen.post('/workspace/choose', { allianceId: DEMO_ALLIANCE_ID })).status, 303);
    const demoBoard = await helen.get('/workspace/board');
    assert.match(demoBoard.html, /S2S-2026-0001: Hawthorn Junior School/);
    assert.doesNotMatch((await helen.get('/workspace/impact')).html, /Sam Rivers/);
  });

  it("refuses an alliance the sign-in did not prove, and every other alliance's record named in an address or form", async () => {
    const rene = new WorkspaceClient(harness.app.url);
    assert.equal(await redeem(rene, await signInLinkFor(harness, 'report-hub', REPORT_MANAGER_ID)), '/workspace/board');
    await rene.get('/workspace/board');
    const chosen = await rene.post('/workspace/choose', { allianceId: DEMO_ALLIANCE_ID });
    assert.equal(chosen.status, 403);
    assert.doesNotMatch((await rene.get('/workspace/board')).html, /Riverside/);

    await setJoiningSettings({ store: harness.app.store, clock: harness.clock }, DEMO_ALLIANCE_ID, { listed: true, memorandum: 'Member schools share expertise and pay the agreed day rates.' });
    await requestToJoin({ store: harness.app.store, clock: harness.clock }, { channel: 'teams', userId: 'aad-willow', address: {} }, DEMO_ALLIANCE_ID, {
      school: { urn: '990077', name: 'Willow Primary School', phase: 'primary' }, headName: 'Wendy Willow', email: 'wendy@willow.example', memorandumAcknowledged: true,
    });
    const posts: Array<[string, Record<string, string>]> = [
      [`/workspace/board/requests/${demoRequest.id}/decide`, { outcome: 'on-hold' }],
      [`/workspace/board/requests/${demoRequest.id}/decide`, { outcome: 'approve', candidateId: demoRequest.candidates[0]!.personId }],
      [`/workspace/board/requests/${demoRequest.id}/close`, { reason: 'Closing another alliance’s request.' }],
      [`/workspace/board/requests/${demoRequest.id}/remind`, {}],
      ['/workspace/membership/membership-join-990077/decide', { outcome: 'approve' }],
    ];
    for (const [path, fields] of posts) {
      await rene.get('/workspace/board');
      assert.equal((await rene.post(path, fields)).status, 404, path);
    }
    assert.equal((await rene.get(`/workspace/directory/person?id=${demoSupporter.id}`)).status, 404);
    const filtered = await rene.get(`/workspace/board?supporter=${demoSupporter.id}`);
    assert.doesNotMatch(filtered.html, new RegExp(demoSupporter.name));
    assert.equal((await harness.app.store.get<SupportRequest>(DEMO_ALLIANCE_ID, demoRequest.id))?.status, 'matching', 'nothing changed');
  });

  it("never opens another alliance because a directory holds someone's email: only the chat identity that asked counts", async () => {
    // Report Hub's directory names a manager with the email of Riverside's head, on another Teams account.
    const intruder = { id: '29:intruder', aadObjectId: 'aad-intruder', name: 'Ivy Intruder' };
    await importPeople(harness.app.store, harness.clock, 'report-hub', {
      fileName: 'people.csv',
      text: `email,name,role,base_school_urn,designation,specialisms,phases,days_per_year,teams_aad_object_id\n${DEMO_IDENTITIES.head.email},Ivy Intruder,manager,,,,,,${intruder.aadObjectId}\n`,
    });
    harness.connector.clear();
    await harness.say(intruder, 'open the workspace');
    const ivy = new WorkspaceClient(harness.app.url);
    const landing = await redeem(ivy, signInLinkPath(textOf(harness.connector.posted(personalChat(intruder).conversationId).at(-1)!)));
    assert.equal(landing, '/workspace/board', 'one alliance: no chooser');
    assert.equal((await ivy.get('/workspace/choose')).location, '/workspace');
    await ivy.get('/workspace/board');
    assert.equal((await ivy.post('/workspace/choose', { allianceId: DEMO_ALLIANCE_ID })).status, 403);
  });

  it('treats a tampered session cookie as no session at all', async () => {
    const forged = await fetch(`${harness.app.url}/workspace/board`, { redirect: 'manual', headers: { cookie: 's2s_workspace=Fe26.2**forged**cookie' } });
    assert.equal(forged.status, 303);
    assert.equal(forged.headers.get('location'), '/workspace/sign-in');
  });
});
