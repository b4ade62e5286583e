import assert from 'node:assert/strict';
import { validateAdaptiveCard } from '../../../cards/render/validate-adaptive.js';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { runServiceLevelTick } from '../../../services/service-levels/service-level-tick.js';
import { executeActions } from '../../helpers/card-actions.js';
import { escalateUnansweredProposal, type EscalatedProposal } from '../../helpers/escalated-proposal.js';
import { cardOf, textOf, type RecordedCall } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, personalChat, TeamsHarness } from '../../helpers/teams-harness.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');
const supporter = demoTeamsUser('supporter');

describe('Teams: the escalation card of an unanswered proposal, over /api/messages', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let escalated: EscalatedProposal;
  let slipping: RecordedCall;

  before(async () => {
    await harness.start();
    await harness.say(manager, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
    await harness.install(supporter);
    escalated = await escalateUnansweredProposal(harness.app.store, harness.clock);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    slipping = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).find((call) => /Slipping: S2S-2026-0001/.test(textOf(call)))!;
  });
  after(() => harness.stop());

  const store = () => harness.app.store;
  const deployment = async (id = escalated.deploymentId) => (await store().get<Deployment>(DEMO_ALLIANCE_ID, id))!;
  const request = async () => (await store().get<SupportRequest>(DEMO_ALLIANCE_ID, escalated.requestId))!;
  const button = (call: RecordedCall, title: string) => executeActions(cardOf(call)).find((action) => action.title === title)!;
  const nudges = async () => (await store().query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' }))
    .filter((m) => m.event.kind === 'serviceLevelNudge' && m.target.kind === 'person' && m.target.personId === escalated.supporterId).length;

  it('posts the escalation with a human due date and the buttons that unblock it', () => {
    assert.ok(slipping, 'the escalation card reached the brokerage channel');
    const shown = textOf(slipping);
    assert.match(shown, /Thu 26 Nov 2026 \(5 days overdue\)/);
    assert.doesNotMatch(shown, /\d{4}-\d{2}-\d{2}/);
    assert.deepEqual(executeActions(cardOf(slipping)).map((action) => action.title), ['Remind again', 'Re-assign', 'Withdraw']);
    assert.deepEqual(validateAdaptiveCard(cardOf(slipping)!).failures, []);
  });

  it('refuses a head or the supporter pressing them, and changes nothing', async () => {
    const before = await deployment();
    const nudged = await nudges();
    for (const who of [head, supporter]) {
      for (const title of ['Remind again', 'Re-assign', 'Withdraw']) {
        harness.connector.clear();
        const { verb, data } = button(slipping, title);
        await harness.press(who, verb, data, 'slipping-card', BROKERAGE_CHANNEL);
        assert.match(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).map(textOf).join(' '), /Only the alliance manager can/, `${who.name}: ${title}`);
      }
    }
    assert.equal((await deployment())._etag, before._etag);
    assert.equal(await nudges(), nudged);
  });

  it('reminds the supporter again, and refuses a second reminder the same day', async () => {
    const nudged = await nudges();
    harness.connector.clear();
    const { verb, data } = button(slipping, 'Remind again');
    await harness.press(manager, verb, data, 'slipping-card', BROKERAGE_CHANNEL);
    await harness.press(manager, verb, data, 'slipping-card', BROKERAGE_CHANNEL);
    const said = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).map(textOf);
    assert.match(said[0], /Reminded the supporter again about S2S-2026-0001/);
    assert.match(said[1], /was reminded less than a day ago/);
    assert.equal(await nudges(), nudged + 1);
    assert.equal((await deployment()).history.filter((entry) => entry.action === 'reminded').length, 1);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    assert.match(harness.connector.posted(personalChat(supporter).conversationId).map(textOf).join(' '), /answer to a proposal 5 days overdue/i);
  });

  it('re-assigns to the next candidate, redraws the card in place and tells Priya politely', async () => {
    harness.connector.clear();
    const { verb, data } = button(slipping, 'Re-assign');
    await harness.press(manager, verb, data, 'slipping-card', BROKERAGE_CHANNEL);
    const [redrawn] = harness.connector.updates(BROKERAGE_CHANNEL.conversationId);
    assert.equal(redrawn.activityId, 'slipping-card', 'the card is updated in place for everyone');
    assert.match(textOf(redrawn), /Helen Carter withdrew the proposal to Priya Shah, who has been told politely\. [A-Z][a-z]+ [A-Z][a-z]+, the next best candidate, has been asked instead\./);
    assert.equal((await deployment()).status, 'cancelled');
    const passed = await request();
    assert.equal(passed.status, 'proposed');
    assert.notEqual(passed.matchedSupporterId, escalated.supporterId);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const toPriya = harness.connector.posted(personalChat(supporter).conversationId).map(textOf).join(' ');
    assert.match(toPriya, /Proposal withdrawn: S2S-2026-0001/);
    assert.match(toPriya, /Thank you for considering S2S-2026-0001/);
    assert.match(toPriya, /re-assigned by Helen Carter/);
  });

  it('refuses a stale Withdraw on the same card, then withdraws the next proposal from its own escalation', async () => {
    harness.connector.clear();
    const stale = button(slipping, 'Withdraw');
    await harness.press(manager, stale.verb, stale.data, 'slipping-card', BROKERAGE_CHANNEL);
    assert.match(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).map(textOf).join(' '), /no longer waiting for an answer \(it is cancelled\)/);

    // The next candidate was asked on Tue 1 Dec and is silent too: due Fri 4 Dec, escalated Wed 9 Dec.
    harness.clock.set('2026-12-09T10:00:00Z');
    await runServiceLevelTick({ store: store(), clock: harness.clock });
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const next = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).find((call) => /Slipping: S2S-2026-0001/.test(textOf(call)))!;
    const withdraw = button(next, 'Withdraw');
    await harness.press(manager, withdraw.verb, withdraw.data, 'next-slipping-card', BROKERAGE_CHANNEL);
    assert.match(harness.connector.updates(BROKERAGE_CHANNEL.conversationId).map(textOf).join(' '), /The request is back on its card for a new choice/);
    const back = await request();
    assert.equal(back.status, 'matching');
    assert.equal(back.excludedCandidateIds.length, 2);
  });
});
