import assert from 'node:assert/strict';
import { importPeople } from '../../../services/directory/import-people.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import type { AuditDocument } from '../../../services/domain/audit.js';
import type { JoinRequestInput, MembershipRequest } from '../../../services/domain/membership.js';
import type { Person } from '../../../services/domain/person.js';
import type { School } from '../../../services/domain/school.js';
import { BotError, ForbiddenError, NotFoundError, ValidationError } from '../../../services/errors.js';
import { conversationLinksFor } from '../../../services/identity/conversation-references.js';
import { identifySpeaker } from '../../../services/identity/channel-identity.js';
import { decideMembership } from '../../../services/membership/decide-membership.js';
import { listJoinableAlliances, setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { requestToJoin } from '../../../services/membership/request-to-join.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { erasePersonData } from '../../../services/privacy/erase-person-data.js';
import { exportPersonData } from '../../../services/privacy/export-person-data.js';
import { addAlliance } from '../../../services/directory/alliances.js';
import type { Stored } from '../../../services/store/document-store.js';
import { csv, openStoreWithAlliance, PEOPLE_HEADER, TWO_SCHOOLS, type TempStore } from '../directory/temp-store.js';

const MOU = 'Member schools share expertise, take part in brokered support and pay the agreed day rates.';
const REQUESTER = { channel: 'teams' as const, userId: 'aad-newhead', address: { conversation: { id: 'a:new-head-chat' } } };
const JOIN: JoinRequestInput = {
  school: { urn: '990077', name: 'Willow Primary School', phase: 'primary', postcode: 'WR2 4AA' },
  headName: 'Wendy Willow', email: 'wendy@willow.example', memorandumAcknowledged: true,
};

describe('joining an alliance', () => {
  let temp: TempStore;
  let manager: Stored<Person>;
  const ctx = () => ({ store: temp.store, clock: temp.clock });

  beforeEach(async () => {
    temp = await openStoreWithAlliance();
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });
    await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'people.csv', text: csv(PEOPLE_HEADER, 'mo@hub.example,Mo Manager,manager,,,,,,,') });
    [manager] = await temp.store.query<Person>('test-hub', { type: 'person' });
    await addAlliance(temp.store, temp.clock, { id: 'quiet-hub', name: 'Quiet Hub' });
  });
  afterEach(() => temp.close());

  it('lists only alliances that chose to be listed', async () => {
    assert.deepEqual(await listJoinableAlliances(ctx()), []);
    await setJoiningSettings(ctx(), 'test-hub', { listed: true, memorandum: MOU });
    await setJoiningSettings(ctx(), 'quiet-hub', { listed: false, memorandum: MOU });
    assert.deepEqual((await listJoinableAlliances(ctx())).map((a) => a.id), ['test-hub']);
    assert.deepEqual(await listJoinableAlliances(ctx(), ['test-hub']), []);
    // An unlisted alliance cannot be asked, and is indistinguishable from one that does not exist.
    await assert.rejects(requestToJoin(ctx(), REQUESTER, 'quiet-hub', JOIN), NotFoundError);
    await assert.rejects(requestToJoin(ctx(), REQUESTER, 'no-such-hub', JOIN), NotFoundError);
  });

  describe('with a listed alliance', () => {
    beforeEach(() => setJoiningSettings(ctx(), 'test-hub', { listed: true, memorandum: MOU }));

    it('asks the managers; on approval the school and head are added, linked to the channel they asked from, and audited', async () => {
      const { request, alreadyReceived } = await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN);
      assert.deepEqual([request.status, alreadyReceived, request.emailConfirmedByChannel], ['pending', false, false]);
      assert.equal((await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN)).alreadyReceived, true);
      await assert.rejects(requestToJoin(ctx(), { ...REQUESTER, userId: 'aad-someone-else' }, 'test-hub', JOIN), (e: BotError) => e.code === 'conflict');

      const { request: decided, head } = await decideMembership(ctx(), manager, request.id, { outcome: 'approve' });
      assert.equal(decided.status, 'approved');
      assert.deepEqual([head?.name, head?.role, head?.baseSchoolUrn, head?.teamsAadObjectId], ['Wendy Willow', 'head', '990077', 'aad-newhead']);
      assert.equal((await temp.store.query<School>('test-hub', { type: 'school', where: [{ field: 'urn', op: 'eq', value: '990077' }] }))[0]?.name, 'Willow Primary School');
      const speaking = await identifySpeaker(ctx(), { channel: 'teams', userId: 'aad-newhead', lookupEmail: async () => undefined });
      assert.deepEqual(speaking.map((p) => p.id), [head!.id]);
      assert.equal((await conversationLinksFor(ctx(), 'test-hub', head!.id))[0]?.address.conversation !== undefined, true);
      const audit = await temp.store.query<AuditDocument>('test-hub', { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'membership-join' }] });
      assert.equal(audit[0]?.subject, head!.id);
      const events = (await temp.store.query<OutboxMessage>('test-hub', { type: 'outbox' })).map((m) => m.event.kind).sort();
      assert.deepEqual(events, ['membershipCardUpdate', 'membershipDecided', 'membershipForManagers']);

      await assert.rejects(decideMembership(ctx(), manager, request.id, { outcome: 'decline', reason: 'changed my mind' }), /already approved/);
    });

    it('is reached by the head\'s data export and erasure', async () => {
      const { request } = await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN);
      await decideMembership(ctx(), manager, request.id, { outcome: 'approve' });
      const exported = await exportPersonData(ctx(), JOIN.email, 'admin');
      assert.deepEqual((exported.alliances[0].membershipRequests as MembershipRequest[]).map((r) => r.id), [request.id]);
      await erasePersonData(ctx(), JOIN.email, 'admin');
      const erased = await temp.store.get<MembershipRequest>('test-hub', request.id);
      assert.deepEqual([erased?.headName, erased?.email.endsWith('@erased.invalid')], ['Erased person', true]);
    });

    it('uses the email the channel confirmed over the one typed', async () => {
      const { request } = await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN, 'Wendy.W@Willow.example');
      assert.deepEqual([request.email, request.emailConfirmedByChannel], ['wendy.w@willow.example', true]);
    });

    it('on decline adds nobody, keeps the reason, and lets the school ask again', async () => {
      const { request } = await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN);
      const { request: declined, head } = await decideMembership(ctx(), manager, request.id, { outcome: 'decline', reason: 'We only take schools in Worcestershire' });
      assert.deepEqual([declined.status, declined.decision?.reason, head], ['declined', 'We only take schools in Worcestershire', undefined]);
      assert.equal((await temp.store.query<Person>('test-hub', { type: 'person' })).length, 1);
      const again = await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN);
      assert.deepEqual([again.request.status, again.alreadyReceived, again.request.decision], ['pending', false, undefined]);
      assert.deepEqual(again.request.history.map((h) => h.to), ['pending', 'declined', 'pending']);
    });

    it('refuses without the memorandum, for a school already in, and lets only managers decide', async () => {
      await assert.rejects(requestToJoin(ctx(), REQUESTER, 'test-hub', { ...JOIN, memorandumAcknowledged: false as true }),
        (e: ValidationError) => e.problems.some((p) => p.field === 'memorandumAcknowledged'));
      await assert.rejects(requestToJoin(ctx(), REQUESTER, 'test-hub', { ...JOIN, school: { ...JOIN.school, urn: '990001' } }), /already in Test Hub/);
      const { request } = await requestToJoin(ctx(), REQUESTER, 'test-hub', JOIN);
      await assert.rejects(decideMembership(ctx(), { ...manager, role: 'head' }, request.id, { outcome: 'approve' }), ForbiddenError);
      await assert.rejects(decideMembership(ctx(), { ...manager, allianceId: 'quiet-hub' }, request.id, { outcome: 'approve' }), NotFoundError);
      assert.equal((await temp.store.get<MembershipRequest>('test-hub', request.id))?.status, 'pending');
    });
  });
});
