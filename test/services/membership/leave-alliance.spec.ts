import assert from 'node:assert/strict';
import type { AuditDocument } from '../../../services/domain/audit.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { JoinRequestInput, MembershipRequest } from '../../../services/domain/membership.js';
import type { Person } from '../../../services/domain/person.js';
import type { School } from '../../../services/domain/school.js';
import type { SupportRequest, SupportRequestInput } from '../../../services/domain/support-request.js';
import { addAlliance } from '../../../services/directory/alliances.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { requestDiagnostic } from '../../../services/diagnostics/request-diagnostic.js';
import { decideMembership } from '../../../services/membership/decide-membership.js';
import { LEFT_ALLIANCE_REASON } from '../../../services/membership/leave-alliance.js';
import { setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { leavingImpact } from '../../../services/membership/leaving-impact.js';
import { requestToJoin } from '../../../services/membership/request-to-join.js';
import { requestToLeave } from '../../../services/membership/request-to-leave.js';
import { submitSupportRequest } from '../../../services/requests/submit-request.js';
import type { Stored } from '../../../services/store/document-store.js';
import { ALLIANCE, openWorld, outboxEvents, SUPPORTED_URN, type World } from '../deployments/deployment-fixtures.js';

const FROM = { channel: 'teams' as const, userId: 'aad-hana', address: { conversation: { id: 'a:hana-chat' } } };
const REASON = { reason: 'We are joining a trust that runs its own hub.' };
const NEED: SupportRequestInput = {
  specialisms: ['maths'], phase: 'primary', need: 'Reasoning in KS2 maths has dropped two years running.',
  outcomes: 'Better reasoning in Year 6 books', daysWanted: 3, preferredStart: '2026-12-14',
};
let submissions = 0;
const ask = (world: World, head: Stored<Person>) => submitSupportRequest(world.ctx, head, NEED, { via: 'teams', submissionId: `submission-${++submissions}` });

describe('a school leaving an alliance', () => {
  let world: World;
  beforeEach(async () => { world = await openWorld('accepted'); });
  afterEach(() => world.close());

  it('asks the managers with a reason and says what leaving would change', async () => {
    const waiting = (await ask(world, world.head)).request;
    const { request, alreadyReceived } = await requestToLeave(world.ctx, world.head, FROM, REASON);
    assert.deepEqual([request.action, request.status, request.reason, request.requester.personId, alreadyReceived], ['leave', 'pending', REASON.reason, world.head.id, false]);
    assert.equal((await requestToLeave(world.ctx, world.head, FROM, REASON)).alreadyReceived, true);
    assert.ok((await outboxEvents(world)).some((e) => e.kind === 'membershipForManagers'));

    const impact = await leavingImpact(world.ctx, ALLIANCE, SUPPORTED_URN);
    assert.deepEqual(impact.requestsToClose.map((r) => r.id), [waiting.id]);
    assert.deepEqual(impact.deploymentsUnderWay.map((d) => d.id), [world.deployment.id]);

    // Only a head, for their own school; only a manager decides.
    await assert.rejects(requestToLeave(world.ctx, world.supporter, FROM, REASON), ForbiddenError);
    await assert.rejects(requestToLeave(world.ctx, world.head, FROM, { reason: 'no' }), (e: ValidationError) => e.problems.some((p) => p.field === 'reason'));
    await assert.rejects(decideMembership(world.ctx, world.head, request.id, { outcome: 'approve' }), ForbiddenError);
  });

  it('on approval closes the requests still waiting, lets deployments under way go on, keeps the records and stops new requests', async () => {
    const waiting = (await ask(world, world.head)).request;
    const { request } = await requestToLeave(world.ctx, world.head, FROM, REASON);
    const { request: decided, left } = await decideMembership(world.ctx, world.manager, request.id, { outcome: 'approve' });

    assert.equal(decided.status, 'approved');
    assert.deepEqual(left?.closed.map((r) => r.reference), [waiting.reference]);
    const closed = await world.store.get<SupportRequest>(ALLIANCE, waiting.id);
    assert.deepEqual([closed?.status, closed?.history.at(-1)?.note], ['closed', LEFT_ALLIANCE_REASON]);
    assert.equal((await world.store.get<Deployment>(ALLIANCE, world.deployment.id))?.status, 'accepted');
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, world.request.id))?.status, 'accepted');
    const school = await world.store.get<School>(ALLIANCE, `school-${SUPPORTED_URN}`);
    assert.equal(school?.leftAt, world.clock.now().toISOString());
    assert.ok(await world.store.get<Person>(ALLIANCE, world.head.id), 'the head stays, to follow the support under way');

    const audit = await world.store.query<AuditDocument>(ALLIANCE, { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'membership-leave' }] });
    assert.deepEqual([audit.length, audit[0]?.by, audit[0]?.subject], [1, world.manager.id, school?.id]);
    assert.match(audit[0].note ?? '', new RegExp(`closed ${waiting.reference}; 1 deployment`));
    const events = await outboxEvents(world);
    assert.ok(events.some((e) => e.kind === 'membershipDecided' && e.target === world.head.id), 'the head is told');
    assert.ok(events.some((e) => e.kind === 'requestClosed' && e.target === world.head.id), 'and hears of each request closed');

    await assert.rejects(ask(world, world.head), /left the alliance on Tue 1 Dec 2026/);
    await assert.rejects(requestDiagnostic(world.ctx, world.head, { specialisms: [], phase: 'primary', need: 'A first look at the school, please.', daysWanted: 1, preferredStart: '2026-12-14' }, { via: 'teams', submissionId: 'diagnostic-1' }), ForbiddenError);
    await assert.rejects(requestToLeave(world.ctx, world.head, FROM, REASON), (e: BotError) => e.code === 'conflict' && /already left/.test(e.message));
    assert.equal((await ask(world, world.otherHead)).request.status, 'matching', 'other schools carry on');

    // Approving again (after a crash part-way) finishes the leaving and changes nothing more.
    await decideMembership(world.ctx, world.manager, request.id, { outcome: 'approve' });
    assert.equal((await world.store.get<School>(ALLIANCE, `school-${SUPPORTED_URN}`))?.leftAt, school?.leftAt);
    assert.equal((await world.store.query<AuditDocument>(ALLIANCE, { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'membership-leave' }] })).length, 1);
  });

  it('on decline tells the head the reason, changes nothing, and lets the school ask again', async () => {
    const waiting = (await ask(world, world.head)).request;
    const { request } = await requestToLeave(world.ctx, world.head, FROM, REASON);
    const { request: declined } = await decideMembership(world.ctx, world.manager, request.id, { outcome: 'decline', reason: 'Please talk to us first: the trust hub starts next year.' });
    assert.deepEqual([declined.status, declined.decision?.reason], ['declined', 'Please talk to us first: the trust hub starts next year.']);
    assert.equal((await world.store.get<School>(ALLIANCE, `school-${SUPPORTED_URN}`))?.leftAt, undefined);
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, waiting.id))?.status, 'matching');
    assert.ok((await outboxEvents(world)).some((e) => e.kind === 'membershipDecided' && e.target === world.head.id));

    const again = await requestToLeave(world.ctx, world.head, FROM, { reason: 'The governors decided to leave after all.' });
    assert.deepEqual([again.request.status, again.request.reason, again.request.decision], ['pending', 'The governors decided to leave after all.', undefined]);
    assert.deepEqual(again.request.history.map((h) => h.to), ['pending', 'declined', 'pending']);
    assert.ok((await world.store.get<MembershipRequest>(ALLIANCE, request.id))?.history.every((h) => h.by === world.head.id || h.by === world.manager.id));
  });

  it('stops offering the staff of a school that left, while the deployment they are on goes on', async () => {
    assert.deepEqual((await ask(world, world.head)).request.candidates.map((c) => c.personId), [world.supporter.id]);
    const { request } = await requestToLeave(world.ctx, world.otherHead, FROM, REASON);
    const { left } = await decideMembership(world.ctx, world.manager, request.id, { outcome: 'approve' });
    assert.equal(left?.continuing, 1, "the supporter's deployment under way counts for the school they are based at");

    world.clock.set('2026-12-01T10:00:00Z');
    assert.deepEqual((await ask(world, world.head)).request.candidates, [], 'the SLE based at the school that left is not proposed');
    assert.equal((await world.store.get<Deployment>(ALLIANCE, world.deployment.id))?.status, 'accepted');
  });

  it('lets a school that left ask to come back: on approval its record and head are kept and it may ask for support again', async () => {
    await setJoiningSettings(world.ctx, ALLIANCE, { listed: true, memorandum: 'Member schools share expertise and pay the agreed day rates.' });
    const { request: leaving } = await requestToLeave(world.ctx, world.head, FROM, REASON);
    await decideMembership(world.ctx, world.manager, leaving.id, { outcome: 'approve' });
    const rejoin: JoinRequestInput = {
      school: { urn: SUPPORTED_URN, name: 'Riverside Primary School', phase: 'primary' }, headName: world.head.name, email: world.head.email, memorandumAcknowledged: true,
    };
    await assert.rejects(requestToJoin(world.ctx, FROM, ALLIANCE, { ...rejoin, email: world.supporter.email }), /already in Test Hub's directory/);

    world.clock.set('2026-12-02T09:00:00Z');
    const { request } = await requestToJoin(world.ctx, FROM, ALLIANCE, rejoin);
    const { head } = await decideMembership(world.ctx, world.manager, request.id, { outcome: 'approve' });
    assert.equal(head?.id, world.head.id, 'the same head, not a second record');
    const school = await world.store.get<School>(ALLIANCE, `school-${SUPPORTED_URN}`);
    assert.equal(school?.leftAt, undefined);
    assert.equal((await ask(world, world.head)).request.status, 'matching');
    const audit = await world.store.query<AuditDocument>(ALLIANCE, { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'membership-join' }] });
    assert.match(audit[0]?.note ?? '', /Riverside Primary School \(990001\) rejoined; Hana Head is head/);
  });

  it('leaves one alliance only: a head of a school in two keeps the other', async () => {
    const other = 'north-hub';
    await addAlliance(world.store, world.clock, { id: other, name: 'North Hub' });
    const school = await world.store.get<School>(ALLIANCE, `school-${SUPPORTED_URN}`);
    await world.store.create<School>({ ...school!, allianceId: other });
    const { _etag: _, ...headHere } = world.head;
    const headThere = await world.store.create<Person>({ ...headHere, id: 'person-hana-north', allianceId: other });

    const { request } = await requestToLeave(world.ctx, world.head, FROM, REASON);
    await decideMembership(world.ctx, world.manager, request.id, { outcome: 'approve' });
    assert.equal((await world.store.get<School>(other, `school-${SUPPORTED_URN}`))?.leftAt, undefined);
    const there = await ask(world, headThere);
    assert.deepEqual([there.request.allianceId, there.request.status], [other, 'matching']);
    await assert.rejects(ask(world, world.head), /left the alliance/);
  });
});
