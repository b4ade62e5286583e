import assert from 'node:assert/strict';
import { validateAdaptiveCard } from '../../../cards/render/validate-adaptive.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { runDigestTick } from '../../../services/digest/digest-scheduler.js';
import { fixturePersonId, personIdOf } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import { cardOf, textOf, type RecordedCall } from '../../helpers/fake-bot-connector.js';
import { executeActions } from '../../helpers/card-actions.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';
import { indexPersonIdentities } from '../../../services/identity/identity-index.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');
const supporter = demoTeamsUser('supporter');
const stranger: TeamsUser = { id: '29:stranger', aadObjectId: 'ffffffff-0000-0000-0000-000000000000', name: 'Sam Stranger', email: 'sam@elsewhere.example' };

const validAnswers = {
  specialisms: 'maths',
  phase: 'primary',
  need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
  outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
  daysWanted: '4',
  preferredStart: '2026-12-01',
};

/** Every card the bot sent parses cleanly in the adaptivecards object model and stays under 80 KB. */
function assertCardsValid(calls: RecordedCall[]): void {
  for (const call of calls) {
    const card = cardOf(call);
    if (!card) continue;
    const check = validateAdaptiveCard(card);
    assert.deepEqual(check.failures, [], `card problems: ${check.failures.join('; ')}`);
    assert.ok(check.bytes < 80 * 1024, `card is ${check.bytes} bytes`);
  }
}

describe('Teams: request support and manager-channel brokerage over /api/messages', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  before(() => harness.start());
  after(() => harness.stop());

  const store = () => harness.app.store;
  const requests = () => store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });

  it('answers /healthz with the store status', async () => {
    const response = await fetch(`${harness.app.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { store: { kind: string } }).store.kind, 'sqlite');
  });

  it('tells an unknown user how to be added, and names no alliance or manager', async () => {
    harness.addMember(stranger);
    const response = await harness.say(stranger, 'request support');
    assert.equal(response.status, 200);
    const replies = harness.connector.posted(personalChat(stranger).conversationId);
    assert.equal(replies.length, 1);
    assert.match(textOf(replies[0]), /ask your alliance manager to add you/i);
    // A stranger learns nothing about who runs which alliance.
    assert.doesNotMatch(textOf(replies[0]), /Helen|Carter|Riverside|helen\.carter@/);
    assert.equal(executeActions(cardOf(replies[0])).length, 0);
  });

  it('treats a user Teams cannot look up as unknown, rather than failing the turn', async () => {
    const ghost: TeamsUser = { id: '29:ghost', aadObjectId: 'eeeeeeee-0000-0000-0000-000000000000', name: 'Guest' };
    const response = await harness.say(ghost, 'hello');
    assert.equal(response.status, 200);
    assert.match(textOf(harness.connector.posted(personalChat(ghost).conversationId)[0]), /could not find you in the alliance directory/);
  });

  it('welcomes a head on install with what they can do, and remembers where to reach them', async () => {
    await harness.install(head);
    const [welcome] = harness.connector.posted(personalChat(head).conversationId);
    assert.match(textOf(welcome), /Hello Mark Davies/);
    assert.ok(executeActions(cardOf(welcome)).some((a) => a.title === 'Request support'));
    const links = await store().query(DEMO_ALLIANCE_ID, { type: 'conversationLink', where: [{ field: 'personId', op: 'eq', value: await personIdOf(store(), DEMO_IDENTITIES.head.email) }] });
    assert.equal(links.length, 1);
  });

  it('finds SLEs in maths with reasons and free days, and offers to widen when a phase has nobody', async () => {
    harness.connector.clear();
    await harness.say(head, 'find an SLE in maths');
    const [results] = harness.connector.posted(personalChat(head).conversationId);
    const text = textOf(results);
    assert.match(text, /Supporters for Maths/);
    assert.match(text, /Days free this academic year: \d+ of \d+/);
    assert.match(text, /maths/);
    await harness.say(head, 'find someone for drama in post-16');
    const noMatch = harness.connector.posted(personalChat(head).conversationId).at(-1)!;
    if (/No supporter/.test(textOf(noMatch))) {
      assert.ok(executeActions(cardOf(noMatch)).some((a) => a.title === 'Search all phases'));
    }
    assertCardsValid(harness.connector.calls);
  });

  let submissionId = '';
  let formCardId = '';
  it('shows the request form, prefilled from what the head said', async () => {
    harness.connector.clear();
    await harness.say(head, 'we need help with KS2 maths please');
    const [form] = harness.connector.posted(personalChat(head).conversationId);
    const submit = executeActions(cardOf(form)).find((a) => a.verb === 'support-request.submit');
    assert.ok(submit, 'form has a submit action');
    submissionId = String(submit.data.submissionId);
    formCardId = 'form-card-1';
    assert.match(JSON.stringify(cardOf(form)), /"value":"maths"/);
    assertCardsValid([form]);
  });

  it('returns field errors in the card and stores nothing when the answers are invalid', async () => {
    const response = await harness.press(head, 'support-request.submit', {
      formId: 'support-request', submissionId, ...validAnswers, need: 'too short', daysWanted: '99',
    }, formCardId);
    assert.equal(response.status, 200);
    const body = response.body as { value: Record<string, unknown> };
    const card = JSON.stringify(body.value);
    assert.match(card, /at least 20 characters/);
    assert.match(card, /whole or half days from 0.5 to 60/);
    assert.match(card, /Year 5|too short/, 'what was typed is kept');
    assert.equal((await requests()).length, 0);
  });

  it('stores a valid request once, even when Send is pressed twice, and confirms with a reference', async () => {
    const press = () => harness.press(head, 'support-request.submit', { formId: 'support-request', submissionId, ...validAnswers }, formCardId);
    const [first, second] = await Promise.all([press(), press()]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.match(JSON.stringify((first.body as { value: unknown }).value), /S2S-2026-0001/);
    const stored = await requests();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].status, 'matching');
    assert.deepEqual(stored[0].history.map((h) => h.to), ['submitted', 'matching']);
    assert.ok(stored[0].candidates.length > 0);
  });

  it('records a request it cannot post yet because no brokerage channel is linked', async () => {
    const report = await harness.app.outbox.runOnce();
    assert.equal(report.failed, 1);
    assert.equal(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).length, 0);
  });

  it('shows the manager, and only the manager, what could not be delivered and why', async () => {
    harness.connector.clear();
    await harness.say(head, 'delivery problems');
    assert.match(textOf(harness.connector.posted(personalChat(head).conversationId)[0]), /Only the alliance manager/);
    await harness.say(manager, 'any delivery problems?');
    const problems = textOf(harness.connector.posted(personalChat(manager).conversationId).at(-1)!);
    assert.match(problems, /the manager channel missed the new request card/i);
    assert.match(problems, /No brokerage channel is linked/);
  });

  it('refuses "use this channel" from a non-manager and accepts it from the manager', async () => {
    await harness.say(head, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
    assert.match(textOf(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).at(-1)!), /Only the alliance manager/);
    await harness.say(manager, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
    assert.match(textOf(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).at(-1)!), /will be posted in this channel.*1 request waiting/);
  });

  /** The card as a manager sees it: their own view of the channel card, with the decision buttons. */
  let managerView: Record<string, unknown>;
  it('posts the waiting request to the newly linked channel with ranked candidates, decision buttons for the managers only', async () => {
    harness.connector.clear();
    const report = await harness.app.outbox.runOnce();
    assert.equal(report.sent, 1);
    const [posted] = harness.connector.posted(BROKERAGE_CHANNEL.conversationId);
    assertCardsValid([posted]);
    const shared = cardOf(posted) as { refresh: { action: { verb: string; data: Record<string, unknown> }; userIds: string[] }; body: unknown };
    // Everyone in the channel sees the request and its candidates, without buttons…
    assert.deepEqual(executeActions(shared.body).map((a) => a.title), []);
    assert.match(JSON.stringify(shared.body), /Best candidates/);
    // …and Teams asks the bot for each manager's own view (Universal Actions refresh).
    assert.deepEqual(shared.refresh.userIds, [manager.id]);
    const refreshAs = async (user: TeamsUser) => {
      const response = await harness.press(user, shared.refresh.action.verb, shared.refresh.action.data, 'manager-card', BROKERAGE_CHANNEL);
      return (response.body as { value: Record<string, unknown> }).value;
    };
    managerView = await refreshAs(manager);
    const titles = executeActions(managerView).map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Approve ')));
    assert.ok(titles.includes('Other candidates') && titles.includes('Decline') && titles.includes('On hold'));
    assert.deepEqual(executeActions(await refreshAs(head)).map((a) => a.title), [], 'a head who looks gets the view without buttons');
    assert.equal(harness.connector.updates(BROKERAGE_CHANNEL.conversationId).length, 0, 'a refresh changes nobody else\'s copy');
  });

  it('refuses a head pressing Approve and changes nothing', async () => {
    const [request] = await requests();
    const approve = executeActions(managerView).find((a) => a.title.startsWith('Approve '))!;
    await harness.press(head, approve.verb, approve.data, 'manager-card', BROKERAGE_CHANNEL);
    const [after] = await requests();
    assert.equal(after.status, 'matching');
    assert.equal(after._etag, request._etag);
  });

  it('lets exactly one of two managers deciding at once win, and tells the other who decided', async () => {
    const second = { ...manager, id: '29:manager2', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000009', name: 'Ravi Kumar' };
    const helen = await store().get<Person>(DEMO_ALLIANCE_ID, await personIdOf(store(), DEMO_IDENTITIES.manager.email));
    await indexPersonIdentities(store(), await store().create<Person>({ ...helen!, id: fixturePersonId('ravi@riverside-hub.example'), email: 'ravi@riverside-hub.example', name: 'Ravi Kumar', teamsAadObjectId: second.aadObjectId }));
    harness.connector.clear();
    const approve = executeActions(managerView).find((a) => a.title.startsWith('Approve '))!;
    await Promise.all([
      harness.press(manager, approve.verb, approve.data, 'manager-card', BROKERAGE_CHANNEL),
      harness.press(second, 'request.hold', { requestId: approve.data.requestId }, 'manager-card', BROKERAGE_CHANNEL),
    ]);
    const [decided] = await requests();
    assert.ok(['proposed', 'on-hold'].includes(decided.status));
    assert.equal(decided.history.filter((h) => h.from === 'matching').length, 1, 'one decision recorded');
    const loserReply = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).map(textOf).join(' ');
    assert.match(loserReply, /already decided this request/);
    assert.ok(harness.connector.updates(BROKERAGE_CHANNEL.conversationId).length >= 1, 'the card was updated in place');
  });

  it('after approval tells the head and asks the supporter, whose acceptance reaches the manager channel', async () => {
    let [request] = await requests();
    if (request.status === 'on-hold') {
      // The hold won the race: approve from hold so the rest of the flow can be walked.
      await harness.press(manager, 'request.approve', { requestId: request.id, candidateId: request.candidates[0].personId }, 'manager-card', BROKERAGE_CHANNEL);
      [request] = await requests();
    }
    assert.equal(request.status, 'proposed');
    await harness.install(supporter);
    const matched = await store().get<Person>(DEMO_ALLIANCE_ID, request.matchedSupporterId!);
    // The demo supporter is linked; the proposal goes to whoever was approved.
    if (matched?.teamsAadObjectId !== supporter.aadObjectId) {
      await indexPersonIdentities(store(), await store().replace<Person>({ ...matched!, teamsAadObjectId: 'matched-supporter-aad' }, matched!._etag));
    }
    const proposed: TeamsUser = matched?.teamsAadObjectId === supporter.aadObjectId ? supporter : { id: '29:matched', aadObjectId: 'matched-supporter-aad', name: matched!.name };
    if (proposed !== supporter) await harness.install(proposed);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    assert.match(harness.connector.posted(personalChat(head).conversationId).map(textOf).join(' '), /Matched with/);
    const proposal = harness.connector.posted(personalChat(proposed).conversationId).find((c) => /Accept/.test(textOf(c)))!;
    const accept = executeActions(cardOf(proposal)).find((a) => a.title === 'Accept')!;

    await harness.press(head, accept.verb, accept.data, 'proposal-card');
    assert.equal((await requests())[0].status, 'proposed', 'only the proposed supporter may accept');

    await harness.press(proposed, accept.verb, accept.data, 'proposal-card');
    const [accepted] = await requests();
    assert.equal(accepted.status, 'accepted');
    const deployment = await store().get<Deployment>(DEMO_ALLIANCE_ID, String(accept.data.deploymentId));
    assert.equal(deployment?.status, 'accepted');
    assert.equal(deployment?.dayRate, matched!.designation === 'SLE' ? 350 : deployment?.dayRate);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    assert.match(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).map(textOf).join(' '), /accepted S2S-2026-0001/);
    assertCardsValid(harness.connector.calls);
  });

  it('shows a head their school\'s requests with status and supporter', async () => {
    harness.connector.clear();
    await harness.say(head, "what's happening with my request?");
    const text = textOf(harness.connector.posted(personalChat(head).conversationId)[0]);
    assert.match(text, /S2S-2026-0001/);
    assert.match(text, /Accepted with /);
  });

  it('posts the weekly digest for last week to the brokerage channel, once', async () => {
    harness.connector.clear();
    const ctx = { store: store(), clock: harness.clock };
    const first = await runDigestTick(ctx, harness.clock.now());
    const second = await runDigestTick(ctx, harness.clock.now());
    assert.equal(first.week, '2026-W47');
    assert.deepEqual(first.posts.map((p) => p.outcome), ['queued']);
    assert.deepEqual(second.posts.map((p) => p.outcome), ['already-posted']);
    await harness.app.outbox.runOnce();
    const posted = harness.connector.posted(BROKERAGE_CHANNEL.conversationId);
    assert.equal(posted.length, 1);
    assert.match(textOf(posted[0]), /Weekly digest 2026-W47/);
    assertCardsValid(posted);
  });
});
