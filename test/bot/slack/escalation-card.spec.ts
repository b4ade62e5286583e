import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { escalateUnansweredProposal, type EscalatedProposal } from '../../helpers/escalated-proposal.js';
import { slackButtons, slackTextOf, type SlackCall } from '../../helpers/fake-slack-api.js';
import { BROKERAGE, dmOf, SlackHarness } from '../../helpers/slack-harness.js';
import { snapshotDiff, snapshotStore } from '../../helpers/store-snapshot.js';

const HEAD = DEMO_IDENTITIES.head.slackUserId;
const MANAGER = DEMO_IDENTITIES.manager.slackUserId;
const SUPPORTER = DEMO_IDENTITIES.supporter.slackUserId;

describe('Slack: the escalation card of an unanswered proposal, over signed /slack/events requests', function () {
  this.timeout(60_000);
  const harness = new SlackHarness();
  const slack = harness.slack;
  const on = { channel: BROKERAGE.id, ts: '1764000000.000777' };
  let escalated: EscalatedProposal;
  let slipping: SlackCall;

  before(async () => {
    await harness.start();
    await harness.command(MANAGER, 'use this channel', BROKERAGE);
    await slack.waitFor('response_url', (c) => /will be posted in this channel/.test(slackTextOf(c)));
    await harness.dm(SUPPORTER, 'hello');
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(SUPPORTER));
    escalated = await escalateUnansweredProposal(harness.app.store, harness.clock);
    slack.clear();
    await harness.app.outbox.runOnce();
    slipping = slack.called('chat.postMessage').find((c) => c.body.channel === BROKERAGE.id && /Slipping: S2S-2026-0001/.test(slackTextOf(c)))!;
  });
  after(() => harness.stop());

  const store = () => harness.app.store;
  const button = (label: string) => slackButtons(slipping).find((b) => b.text === label)!;

  it('posts the escalation to the brokerage channel with a human due date and the manager buttons', () => {
    assert.ok(slipping, 'the escalation card reached the brokerage channel');
    assert.match(slackTextOf(slipping), /Thu 26 Nov 2026 \(5 days overdue\)/);
    assert.deepEqual(slackButtons(slipping).map((b) => b.text), ['Remind again', 'Re-assign', 'Withdraw']);
  });

  it('refuses a head pressing Withdraw, privately, and changes nothing', async () => {
    slack.clear();
    const before = snapshotStore(store());
    await harness.press(HEAD, button('Withdraw').actionId, button('Withdraw').data, on);
    const refusal = await slack.waitFor('response_url');
    assert.match(slackTextOf(refusal), /Only the alliance manager can withdraw a proposal/);
    assert.equal(refusal.body.response_type, 'ephemeral');
    assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
  });

  it('reminds again, and refuses a second reminder the same day', async () => {
    slack.clear();
    await harness.press(MANAGER, button('Remind again').actionId, button('Remind again').data, on);
    assert.match(slackTextOf(await slack.waitFor('response_url')), /Reminded the supporter again about S2S-2026-0001/);
    slack.clear();
    await harness.press(MANAGER, button('Remind again').actionId, button('Remind again').data, on);
    assert.match(slackTextOf(await slack.waitFor('response_url')), /was reminded less than a day ago/);
  });

  it('withdraws the proposal: the card is updated in place and Priya is told politely by DM', async () => {
    slack.clear();
    await harness.press(MANAGER, button('Withdraw').actionId, button('Withdraw').data, on);
    const update = await slack.waitFor('chat.update', (c) => c.body.channel === BROKERAGE.id);
    assert.equal(update.body.ts, on.ts);
    assert.match(slackTextOf(update), /Helen Carter withdrew the proposal to Priya Shah, who has been told politely/);
    assert.equal((await store().get<Deployment>(DEMO_ALLIANCE_ID, escalated.deploymentId))?.status, 'cancelled');
    assert.equal((await store().get<SupportRequest>(DEMO_ALLIANCE_ID, escalated.requestId))?.status, 'matching');
    slack.clear();
    await harness.app.outbox.runOnce();
    const toPriya = slack.called('chat.postMessage').filter((c) => c.body.channel === dmOf(SUPPORTER)).map(slackTextOf).join(' ');
    assert.match(toPriya, /Proposal withdrawn: S2S-2026-0001/);
    assert.match(toPriya, /nothing more for you to do/);
  });
});
