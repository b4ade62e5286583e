import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { AuditDocument } from '../../../services/domain/audit.js';
import { acceptsDirectContact, type DirectContact } from '../../../services/domain/direct-contact.js';
import type { MembershipRequest } from '../../../services/domain/membership.js';
import { personIdOf } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { indexPersonIdentities } from '../../../services/identity/identity-index.js';
import { setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { executeActions } from '../../helpers/card-actions.js';
import { cardOf, textOf, type RecordedCall } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');

/** Every Action.OpenUrl on a card, with its title. */
function openUrls(card: unknown): Array<{ title: string; url: string }> {
  const found: Array<{ title: string; url: string }> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Action.OpenUrl') found.push({ title: String(record.title), url: String(record.url) });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const lastTo = (harness: TeamsHarness, user: TeamsUser): RecordedCall => harness.connector.posted(personalChat(user).conversationId).at(-1)!;
const bodyCard = (response: { body: unknown }) => (response.body as { value: unknown }).value;

describe('Teams: diagnostics, messaging experts, joining and leaving over /api/messages', function () {
  this.timeout(90_000);
  const harness = new TeamsHarness();
  const store = () => harness.app.store;
  const ctx = () => ({ store: store(), clock: harness.clock });
  before(async () => {
    await harness.start();
    await harness.say(manager, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
  });
  after(() => harness.stop());

  it('shows "Message" only for experts who agreed to be contacted, and records the contact without its content', async () => {
    harness.connector.clear();
    await harness.say(head, 'find someone for maths');
    const results = lastTo(harness, head);
    const messages = executeActions(cardOf(results)).filter((a) => a.verb === 'contact.message');
    const people = await store().query<Person>(DEMO_ALLIANCE_ID, { type: 'person' });
    const byId = new Map(people.map((p) => [p.id, p]));
    assert.ok(messages.length > 0, 'someone in maths agreed to be contacted');
    // SLEs are off by default; the lead practitioner is on.
    assert.ok(messages.every((m) => byId.get(String(m.data.personId))?.designation !== 'SLE'));
    assert.match(textOf(results), /Priya Shah/);
    const priyaId = await personIdOf(store(), DEMO_IDENTITIES.supporter.email);
    assert.ok(!messages.some((m) => m.data.personId === priyaId));

    const [first] = messages;
    await harness.press(head, first.verb, first.data, 'search-card');
    const [link] = openUrls(cardOf(lastTo(harness, head)));
    const expert = byId.get(String(first.data.personId))!;
    assert.equal(link.url, `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(expert.email)}`);
    const contacts = await store().query<DirectContact>(DEMO_ALLIANCE_ID, { type: 'directContact' });
    assert.deepEqual(contacts.map((c) => [c.fromPersonId, c.toPersonId, c.via]), [[(await personIdOf(store(), DEMO_IDENTITIES.head.email)), expert.id, 'teams']]);

    // An SLE who did not opt in cannot be messaged by replaying the button with their id.
    await harness.press(head, first.verb, { personId: (await personIdOf(store(), DEMO_IDENTITIES.supporter.email)) }, 'search-card');
    assert.match(textOf(lastTo(harness, head)), /reached through a request/);
    assert.equal((await store().query<DirectContact>(DEMO_ALLIANCE_ID, { type: 'directContact' })).length, 1);
  });

  it('takes a diagnostic from request to report to a prefilled support request', async () => {
    harness.connector.clear();
    await harness.say(head, "we'd like a diagnostic visit, can someone come and have a look first");
    const form = executeActions(cardOf(lastTo(harness, head))).find((a) => a.verb === 'diagnostic-request.submit');
    assert.ok(form, 'the diagnostic form is shown');
    const sent = await harness.press(head, form.verb, {
      ...form.data, phase: 'primary', need: 'We would like a leader to look at maths and leadership across the school first.',
      daysWanted: '2', preferredStart: '2026-12-07',
    }, 'diagnostic-form');
    assert.match(JSON.stringify(bodyCard(sent)), /S2S-2026-\d{4}/);
    const [diagnostic] = (await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' })).filter((r) => r.kind === 'diagnostic');
    assert.equal(diagnostic.status, 'matching');

    // The manager sees it with system leaders as candidates and approves the first.
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const managerCard = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).at(-1)!;
    assert.match(textOf(managerCard), /Diagnostic visit/);
    const candidates = await Promise.all(diagnostic.candidates.map((c) => store().get<Person>(DEMO_ALLIANCE_ID, c.personId)));
    assert.ok(candidates.every((p) => ['NLE', 'LLE', 'executive-head'].includes(p!.designation!)));
    const approve = executeActions(cardOf(managerCard)).find((a) => a.title.startsWith('Approve '))!;
    await harness.press(manager, approve.verb, approve.data, 'manager-card', BROKERAGE_CHANNEL);

    // The leader accepts and writes the report.
    const leaderRecord = candidates.find((p) => p!.id === approve.data.candidateId)!;
    const leader: TeamsUser = { id: '29:leader', aadObjectId: 'leader-aad-0001', name: leaderRecord.name };
    await indexPersonIdentities(store(), await store().replace<Person>({ ...leaderRecord, teamsAadObjectId: leader.aadObjectId }, leaderRecord._etag));
    await harness.install(leader);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const proposal = harness.connector.posted(personalChat(leader).conversationId).find((c) => /Accept/.test(textOf(c)))!;
    const accept = executeActions(cardOf(proposal)).find((a) => a.title === 'Accept')!;
    const accepted = await harness.press(leader, accept.verb, accept.data, 'proposal-card');
    const write = executeActions(bodyCard(accepted)).find((a) => a.verb === 'diagnostic-report.open');
    assert.ok(write, 'accepting a diagnostic leads to its report, not a plan');
    await harness.press(leader, write.verb, write.data, 'proposal-card');
    const reportForm = executeActions(cardOf(lastTo(harness, leader))).find((a) => a.verb === 'diagnostic-report.submit')!;
    harness.clock.set('2026-12-08T15:00:00Z');
    const reported = await harness.press(leader, reportForm.verb, {
      ...reportForm.data, visitDate: '2026-12-08', daysUsed: '1.5', strengths: 'Warm, purposeful classrooms; strong early reading.',
      priorities: 'Reasoning in KS2 maths; developing the maths lead.', recommendedSpecialisms: 'maths,curriculum-leadership',
      recommendedPhase: 'primary', recommendedDays: '6', noPupilData: 'true',
    }, 'report-form');
    assert.match(JSON.stringify(bodyCard(reported)), /Diagnostic report/);

    // The head hears, and raises the recommended support with one button, prefilled.
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const headCard = harness.connector.posted(personalChat(head).conversationId).find((c) => /Diagnostic report/.test(textOf(c)))!;
    assert.ok(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).some((c) => /Diagnostic report/.test(textOf(c))));
    const followOn = executeActions(cardOf(headCard)).find((a) => a.title === 'Request this support')!;
    await harness.press(head, followOn.verb, followOn.data, 'report-card');
    const prefilled = lastTo(harness, head);
    assert.match(JSON.stringify(cardOf(prefilled)), /"value":"maths,curriculum-leadership"/);
    assert.match(JSON.stringify(cardOf(prefilled)), /Reasoning in KS2 maths/);
    const submit = executeActions(cardOf(prefilled)).find((a) => a.verb === 'support-request.submit')!;
    await harness.press(head, submit.verb, {
      ...submit.data, specialisms: 'maths,curriculum-leadership', phase: 'primary', daysWanted: '6', preferredStart: '2026-12-14',
      need: 'Following the diagnostic visit. Priorities: reasoning in KS2 maths; developing the maths lead.',
      outcomes: 'Progress on the priorities the diagnostic found.',
    }, 'follow-on-form');
    const all = await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });
    const raised = all.find((r) => r.followsDiagnosticReportId);
    assert.deepEqual([raised?.status, raised?.daysWanted, raised?.requesterId], ['matching', 6, (await personIdOf(store(), DEMO_IDENTITIES.head.email))]);
    assert.equal(all.find((r) => r.id === diagnostic.id)?.status, 'closed');
  });

  it('lets the head of a school the bot does not know ask to join; on approval they can request support', async () => {
    await setJoiningSettings(ctx(), DEMO_ALLIANCE_ID, { listed: true, memorandum: 'Member schools share expertise and pay the agreed day rates for brokered support.' });
    const newHead: TeamsUser = { id: '29:newhead', aadObjectId: 'new-head-aad-0001', name: 'Wendy Willow', email: 'wendy@willow-primary.example' };
    harness.addMember(newHead);
    harness.connector.clear();
    await harness.say(newHead, 'how do we join the alliance?');
    const join = harness.connector.posted(personalChat(newHead).conversationId).flatMap((c) => executeActions(cardOf(c))).find((a) => a.verb === 'join.open')!;
    assert.equal(join.title, 'Join Riverside Teaching School Hub');
    await harness.press(newHead, join.verb, join.data, 'join-options');
    const form = lastTo(harness, newHead);
    assert.match(textOf(form), /pay the agreed day rates/);
    const submit = executeActions(cardOf(form)).find((a) => a.verb === 'join-alliance.submit')!;
    const withoutMemorandum = { ...submit.data, urn: '990777', schoolName: 'Willow Primary School', phase: 'primary', headName: 'Wendy Willow' };
    const refused = await harness.press(newHead, submit.verb, { ...withoutMemorandum, memorandumAcknowledged: 'false' }, 'join-form');
    assert.match(JSON.stringify(bodyCard(refused)), /memorandum/i);
    assert.equal((await store().query<MembershipRequest>(DEMO_ALLIANCE_ID, { type: 'membershipRequest' })).length, 0);
    await harness.press(newHead, submit.verb, { ...withoutMemorandum, memorandumAcknowledged: 'true' }, 'join-form');
    const [asked] = await store().query<MembershipRequest>(DEMO_ALLIANCE_ID, { type: 'membershipRequest' });
    assert.deepEqual([asked.status, asked.email, asked.emailConfirmedByChannel], ['pending', 'wendy@willow-primary.example', true]);

    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const card = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).at(-1)!;
    assert.match(textOf(card), /Willow Primary School asks to join/);
    const approve = executeActions(cardOf(card)).find((a) => a.title === 'Approve')!;
    await harness.press(head, approve.verb, approve.data, 'membership-card', BROKERAGE_CHANNEL);
    assert.equal((await store().get<MembershipRequest>(DEMO_ALLIANCE_ID, asked.id))?.status, 'pending', 'only a manager decides');
    await harness.press(manager, approve.verb, approve.data, 'membership-card', BROKERAGE_CHANNEL);

    harness.connector.clear();
    await harness.app.outbox.runOnce();
    assert.match(textOf(lastTo(harness, newHead)), /Welcome to Riverside Teaching School Hub/);
    await harness.say(newHead, 'we need help with KS2 maths please');
    const requestForm = executeActions(cardOf(lastTo(harness, newHead))).find((a) => a.verb === 'support-request.submit');
    assert.ok(requestForm, 'the new head is known and may request support');
  });

  it('lets an expert change their own "contact me directly" setting in chat; searches follow it, and only they can change it', async () => {
    const priya: TeamsUser = { id: '29:priya', aadObjectId: DEMO_IDENTITIES.supporter.teamsAadObjectId, name: 'Priya Shah' };
    const priyaId = await personIdOf(store(), DEMO_IDENTITIES.supporter.email);
    const messageable = async () => {
      await harness.say(head, 'find someone for maths');
      return executeActions(cardOf(lastTo(harness, head))).some((a) => a.verb === 'contact.message' && a.data.personId === priyaId);
    };
    harness.connector.clear();
    assert.equal(await messageable(), false, 'an SLE is reached through a request by default');
    await harness.say(priya, 'let schools contact me directly');
    assert.match(textOf(lastTo(harness, priya)), /Done\. Schools in Riverside Teaching School Hub can now message you directly/);
    assert.equal((await store().get<Person>(DEMO_ALLIANCE_ID, priyaId))?.contactDirectly, true);
    assert.equal(await messageable(), true);

    await harness.say(head, 'stop direct contact');
    assert.match(textOf(lastTo(harness, head)), /Only experts listed in the directory/);
    assert.equal((await store().get<Person>(DEMO_ALLIANCE_ID, priyaId))?.contactDirectly, true);

    harness.clock.set('2026-12-08T16:00:00Z');
    await harness.say(priya, 'stop direct contact');
    assert.match(textOf(lastTo(harness, priya)), /Done\. Schools in Riverside Teaching School Hub now reach you through a request/);
    assert.equal(await messageable(), false);
    const audit = await store().query<AuditDocument>(DEMO_ALLIANCE_ID, { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'contact-directly' }], orderBy: [{ field: 'at' }] });
    assert.deepEqual(audit.map((a) => [a.by, a.note]), [[priyaId, 'on'], [priyaId, 'off']]);
  });

  it('lets a head ask for the school to leave; on approval its waiting requests close and it can no longer request support', async () => {
    harness.connector.clear();
    await harness.say(head, 'we need help with KS2 maths please');
    const requestForm = executeActions(cardOf(lastTo(harness, head))).find((a) => a.verb === 'support-request.submit')!;
    await harness.press(head, requestForm.verb, {
      ...requestForm.data, specialisms: 'maths', phase: 'primary', daysWanted: '3', preferredStart: '2026-12-14',
      need: 'Reasoning in KS2 maths has dropped two years running.', outcomes: 'Better reasoning in Year 6 books.',
    }, 'request-form');
    const headId = await personIdOf(store(), DEMO_IDENTITIES.head.email);
    const waiting = (await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' }))
      .filter((r) => r.requesterId === headId && ['submitted', 'matching', 'on-hold'].includes(r.status));
    assert.ok(waiting.length > 0);

    await harness.say(head, 'our school wants to leave the alliance');
    const leaveForm = lastTo(harness, head);
    assert.match(textOf(leaveForm), /asks to leave Riverside Teaching School Hub/);
    assert.match(textOf(leaveForm), /requests not yet matched are closed; support already under way carries on to completion/);
    const ask = executeActions(cardOf(leaveForm)).find((a) => a.verb === 'leave-alliance.submit')!;
    await harness.press(head, ask.verb, { ...ask.data, reason: 'We are joining a trust that runs its own hub.' }, 'leave-form');
    const [leaving] = (await store().query<MembershipRequest>(DEMO_ALLIANCE_ID, { type: 'membershipRequest' })).filter((r) => r.action === 'leave');
    assert.deepEqual([leaving.status, leaving.reason, leaving.requester.personId], ['pending', 'We are joining a trust that runs its own hub.', headId]);

    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const card = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).find((c) => /asks to leave the alliance/.test(textOf(c)))!;
    assert.match(textOf(card), /We are joining a trust/);
    for (const request of waiting) assert.match(textOf(card), new RegExp(request.reference));
    assert.match(textOf(card), /deployments under way continue to completion/);
    const approve = executeActions(cardOf(card)).find((a) => a.title === 'Approve')!;
    await harness.press(manager, approve.verb, approve.data, 'membership-card', BROKERAGE_CHANNEL);

    harness.connector.clear();
    await harness.app.outbox.runOnce();
    assert.ok(harness.connector.posted(personalChat(head).conversationId).some((c) => /has left Riverside Teaching School Hub/.test(textOf(c))), 'the head is told');
    for (const request of waiting) {
      const closed = await store().get<SupportRequest>(DEMO_ALLIANCE_ID, request.id);
      assert.deepEqual([closed?.status, closed?.history.at(-1)?.note], ['closed', 'The school left the alliance.']);
    }
    const refusal = /left the alliance on \w{3} \d{1,2} \w{3} \d{4}, so it can no longer ask for support, search the directory or message experts here/;
    await harness.say(head, 'we need help with KS2 maths please');
    assert.match(textOf(lastTo(harness, head)), refusal);
    await harness.say(head, 'find someone for maths');
    assert.match(textOf(lastTo(harness, head)), refusal);
    const people = await store().query<Person>(DEMO_ALLIANCE_ID, { type: 'person' });
    const reachable = people.find((p) => p.role === 'supporter' && acceptsDirectContact(p))!;
    const contactsBefore = (await store().query<DirectContact>(DEMO_ALLIANCE_ID, { type: 'directContact' })).length;
    const pressed = await harness.press(head, 'contact.message', { personId: reachable.id }, 'search-results');
    assert.match(JSON.stringify(pressed.body) + textOf(lastTo(harness, head)), refusal);
    assert.equal((await store().query<DirectContact>(DEMO_ALLIANCE_ID, { type: 'directContact' })).length, contactsBefore, 'no contact recorded');
  });
});
