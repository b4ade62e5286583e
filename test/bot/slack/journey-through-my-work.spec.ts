import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { indexPersonIdentities } from '../../../services/identity/identity-index.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { slackButtons, slackTextOf } from '../../helpers/fake-slack-api.js';
import { personIdOf } from '../../helpers/person-ids.js';
import { dmOf, SlackHarness } from '../../helpers/slack-harness.js';
import { SlackWalker } from '../../helpers/slack-walker.js';

const HEAD = DEMO_IDENTITIES.head.slackUserId;
const MANAGER = DEMO_IDENTITIES.manager.slackUserId;
const SUPPORTER = DEMO_IDENTITIES.supporter.slackUserId;
const DEPUTY = 'U0DEPUTY';
const DEPUTY_EMAIL = 'dana.deputy@hawthorn-junior.example';

// Issue 12's walk over Slack: every notification to a DM fails, so each person finds their next step
// only in "my requests" / "my deployments", and every form's checks answer inside its modal.
for (const notifications of ['failing', 'working'] as const) {
  describe(`Slack: the whole journey through "my work", with DM notifications ${notifications}`, function () {
    this.timeout(120_000);
    const harness = new SlackHarness();
    const slack = harness.slack;
    before(() => harness.start());
    after(() => harness.stop());

    const walk = new SlackWalker(harness);
    const { act, say, press, submit, fromMyWork } = walk;
    const request = async () => (await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' }))[0];
    async function deliver() {
      if (notifications === 'failing') {
        slack.refuse = (method, body) => (method === 'chat.postMessage' && String(body.channel).startsWith('D')) || method === 'conversations.open' ? 'channel_not_found' : undefined;
      }
      await harness.app.outbox.runOnce();
      slack.refuse = () => undefined;
    }

    it('walks head → manager → supporter → plan (confirmed by a head the manager names) → visit → evaluation → close', async () => {
      const supporterId = await personIdOf(harness.app.store, DEMO_IDENTITIES.supporter.email);
      // A second head at Hawthorn, who did not ask: the manager names her to speak for the school.
      const deputy = await harness.app.store.create<Person>({
        id: 'person-deputy', allianceId: DEMO_ALLIANCE_ID, type: 'person', email: DEPUTY_EMAIL, name: 'Dana Deputy', role: 'head',
        baseSchoolUrn: (await harness.app.store.get<Person>(DEMO_ALLIANCE_ID, await personIdOf(harness.app.store, DEMO_IDENTITIES.head.email)))!.baseSchoolUrn,
        slackUserId: DEPUTY, specialisms: [], phases: [], daysPerYear: 0, updatedAt: '2026-09-01T00:00:00.000Z',
      });
      await indexPersonIdentities(harness.app.store, deputy);
      await act(MANAGER, () => harness.event({ type: 'app_mention', channel: 'C0BROKERAGE', user: MANAGER, text: '<@U0S2SBOT> use this channel for brokerage', ts: '1.0001' }));

      await act(HEAD, () => harness.command(HEAD, 'request support'));
      await submit(HEAD, slack.called('views.open').at(-1), {
        specialisms: 'maths', phase: 'primary', daysWanted: '2', preferredStart: '2026-12-01',
        need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
        outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
      }, { daysWanted: '99' });
      assert.equal((await request()).status, 'matching');
      await deliver();

      await say(MANAGER, 'my requests');
      await press(MANAGER, 'Candidates');
      const approve = (walk.shown ? slackButtons(walk.shown) : []).find((b) => b.actionId === 'request.approve' && b.data.candidateId === supporterId);
      assert.ok(approve, 'Priya is among the candidates');
      await act(MANAGER, () => harness.press(MANAGER, approve.actionId, approve.data, { channel: dmOf(MANAGER), ts: '1.2' }));
      assert.equal((await request()).status, 'proposed');
      await deliver();

      await say(SUPPORTER, 'my deployments');
      assert.match(slackTextOf(walk.shown!), /Hawthorn/, 'the proposal shows the school before accepting');
      assert.match(slackTextOf(walk.shown!), /arithmetic outcomes fell/, 'and the need');
      await press(SUPPORTER, 'Accept');
      await fromMyWork(SUPPORTER, 'Write plan', {
        objective1: 'Secure arithmetic in upper KS2', successCriteria1: 'Books show daily arithmetic practice', impactMeasure1: 'Termly arithmetic test',
        days: '2', visitDates: '7/12/2026, 14 Dec 2026',
      }, { visitDates: '31/02/2026' });
      await deliver();

      const reference = (await request()).reference;
      await say(MANAGER, `name ${DEPUTY_EMAIL} as head for ${reference}`);
      assert.match(slackTextOf(walk.shown!), new RegExp(`now speaks for the school on ${reference}`));
      for (const party of [SUPPORTER, MANAGER, DEPUTY]) await fromMyWork(party, 'Confirm plan');
      assert.equal((await request()).status, 'planned');
      const [deployment] = await harness.app.store.query<Deployment>(DEMO_ALLIANCE_ID, { type: 'deployment' });
      assert.equal(deployment.plan?.confirmations.school?.by, deputy.id, 'the named head confirmed for the school');
      await deliver();

      harness.clock.set('2026-12-15T10:00:00Z');
      await fromMyWork(SUPPORTER, 'Report a visit', {
        visitDate: '2026-12-14', rag1: 'green', comment1: 'Daily practice in place', activities: 'Lesson observations',
        nextSteps: 'Share with staff', daysUsed: '2', noPupilData: 'true',
      }, { visitDate: '2026-12-20' });
      assert.equal((await request()).status, 'completed');
      await deliver();

      await fromMyWork(HEAD, 'Evaluate', { rating1: '4', evidence1: 'Books and test', effectiveness: '4', overall: 'Very helpful' }, { overall: '' });
      assert.equal((await request()).status, 'evaluated');
      await say(HEAD, 'my requests');
      assert.ok(!slackButtons(walk.shown!).some((b) => b.text === 'Evaluate'), 'a finished step has no button');
      // The modal asks for the reason the school reads (prefilled for evaluated support); too short a reason stays in the modal.
      await fromMyWork(MANAGER, 'Close', { reason: 'Support delivered and evaluated.' }, { reason: 'Done' });
      assert.equal((await request()).status, 'closed');

      const outbox = await harness.app.store.query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' });
      const missed = outbox.filter((m) => m.target.kind === 'person' && (m.status === 'failed' || m.deliveredOnReturn));
      if (notifications === 'failing') {
        assert.ok(missed.length > 0 && walk.toldWhatTheyMissed > 0, `DM notifications really failed, and people were told on return: ${JSON.stringify([outbox.filter((m) => m.status === 'pending').slice(0, 2), walk.toldWhatTheyMissed])}`);
      } else {
        assert.deepEqual([missed.map((m) => [m.event.kind, m.target, m.failedReason]), walk.toldWhatTheyMissed], [[], 0]);
      }
    });

    it('ends journeys: withdrawn by the head, approved from hold, completed early, closed and reopened by the manager', async () => {
      const supporterId = await personIdOf(harness.app.store, DEMO_IDENTITIES.supporter.email);
      const newest = async () => (await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest', orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 1 }))[0];
      const labels = () => (walk.shown ? slackButtons(walk.shown) : []).map((b) => b.text);
      /** Everything the bot posted in the brokerage channel since the last `act`. */
      const channelSaw = () => slack.calls.filter((c) => c.body.channel === 'C0BROKERAGE').map(slackTextOf).join('\n');
      async function ask() {
        await act(HEAD, () => harness.command(HEAD, 'request support'));
        await submit(HEAD, slack.called('views.open').at(-1), {
          specialisms: 'maths', phase: 'primary', daysWanted: '3', preferredStart: '2027-01-04',
          need: 'Reasoning in Year 4 maths lessons is weak across all three classes.', outcomes: 'Pupils explain their reasoning in every lesson.',
        });
        await deliver();
      }
      async function approvePriya() {
        await say(MANAGER, 'my requests');
        await press(MANAGER, 'Candidates');
        const approve = (walk.shown ? slackButtons(walk.shown) : []).find((b) => b.actionId === 'request.approve' && b.data.candidateId === supporterId);
        assert.ok(approve, 'Priya is among the candidates');
        await act(MANAGER, () => harness.press(MANAGER, approve.actionId, approve.data, { channel: dmOf(MANAGER), ts: '1.3' }));
        await deliver();
      }
      /** The outbox's run, keeping what it posted to the brokerage channel. */
      async function deliverSeeingChannel(): Promise<string> {
        slack.clear();
        await deliver();
        return channelSaw();
      }

      // A head withdraws a request her supporter had accepted; the supporter finds it ended, with its reason, in her own list.
      harness.clock.set('2026-12-16T09:00:00Z');
      await ask();
      await approvePriya();
      await fromMyWork(SUPPORTER, 'Accept');
      await fromMyWork(HEAD, 'Withdraw', { reason: 'Our new maths lead has this in hand now.' }, { reason: 'No' });
      assert.equal((await newest()).status, 'withdrawn');
      assert.match(await deliverSeeingChannel(), /was withdrawn by Mark Davies.*Our new maths lead/, 'the manager channel is told who and why');
      await say(SUPPORTER, 'my deployments');
      assert.match(slackTextOf(walk.shown!), /Withdrawn[\s\S]*Reason: Our new maths lead has this in hand now/);
      assert.ok(!labels().some((label) => ['Accept', 'Write plan', 'Withdraw'].includes(label)), `no step is left on it: ${labels().join(', ')}`);

      // The manager holds the next request, then approves it from hold: one audited decision.
      harness.clock.set('2026-12-16T10:00:00Z');
      await ask();
      await say(MANAGER, 'my requests');
      await press(MANAGER, 'Candidates');
      await press(MANAGER, 'On hold');
      assert.equal((await newest()).status, 'on-hold');
      await approvePriya();
      const approved = await newest();
      assert.deepEqual([approved.status, approved.history.at(-1)?.from, approved.history.at(-1)?.note], ['proposed', 'on-hold', 'resumed from hold and approved']);

      // Planned for 3 days; after one visit the manager completes it early: the 2 visits not made are cancelled.
      await fromMyWork(SUPPORTER, 'Accept');
      await fromMyWork(SUPPORTER, 'Write plan', {
        objective1: 'Reasoning in every Year 4 lesson', successCriteria1: 'Pupils explain their methods', impactMeasure1: 'Book look',
        days: '3', visitDates: '4/1/2027, 11 Jan 2027, 18 Jan 2027',
      });
      await deliver();
      for (const party of [SUPPORTER, HEAD, MANAGER]) await fromMyWork(party, 'Confirm plan');
      harness.clock.set('2027-01-05T10:00:00Z');
      await fromMyWork(SUPPORTER, 'Report a visit', {
        visitDate: '2027-01-04', rag1: 'amber', comment1: 'Started well', activities: 'Lesson visits', nextSteps: 'Staff meeting', daysUsed: '1', noPupilData: 'true',
      });
      assert.ok(!labels().some((label) => label.startsWith('Complete')), 'the supporter is not offered a completion only managers may make');
      await fromMyWork(MANAGER, 'Complete');
      assert.equal((await newest()).status, 'completed');
      assert.match(await deliverSeeingChannel(), /Helen Carter completed Priya Shah's support.*1 of 3 days delivered.*Mon 11 Jan 2027, Mon 18 Jan 2027\) are cancelled/);
      if (notifications === 'working') {
        const dm = (user: string) => slack.calls.filter((c) => c.body.channel === dmOf(user)).map((c) => JSON.stringify(c.body)).join('\n');
        assert.match(dm(HEAD), /Evaluate the support/, 'the head is asked to evaluate');
        assert.match(dm(SUPPORTER), /Support completed/, 'the supporter is told');
        assert.doesNotMatch(dm(SUPPORTER), /Evaluate the support/, 'only the head gets the Evaluate button');
      }

      // Closed before the school evaluated: the head has no Evaluate button; reopened from the brokerage card, she has it again.
      await fromMyWork(MANAGER, 'Close', { reason: 'The school asked us to stop here.' });
      assert.equal((await newest()).status, 'closed');
      const channel = await deliverSeeingChannel();
      assert.match(channel, /was closed by Helen Carter/);
      const brokerageCard = slack.calls.filter((c) => c.body.channel === 'C0BROKERAGE' && slackButtons(c).some((b) => b.text === 'Reopen')).at(-1);
      assert.ok(brokerageCard, 'the channel is offered Reopen');
      await say(HEAD, 'my requests');
      assert.match(slackTextOf(walk.shown!), /Reason: The school asked us to stop here/);
      assert.ok(!labels().includes('Evaluate'), 'a closed request offers no evaluation');
      const reopen = slackButtons(brokerageCard).find((b) => b.text === 'Reopen')!;
      await act(MANAGER, () => harness.press(MANAGER, reopen.actionId, reopen.data, { channel: 'C0BROKERAGE', ts: String(brokerageCard.body.ts ?? '1.4') }));
      assert.equal((await newest()).status, 'completed');
      await deliver();
      await fromMyWork(HEAD, 'Evaluate', { rating1: '3', evidence1: 'Books show reasoning', effectiveness: '3', overall: 'Helpful, though cut short' });
      assert.equal((await newest()).status, 'evaluated');
    });
  });
}
