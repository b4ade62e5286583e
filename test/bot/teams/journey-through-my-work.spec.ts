import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { executeActions } from '../../helpers/card-actions.js';
import { cardOf, textOf, type RecordedCall } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';
import { personIdOf } from '../../helpers/person-ids.js';
import { refusedButtons } from '../../helpers/button-probe.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');
const supporter = demoTeamsUser('supporter');
/** Priya's id: random, so read from the seeded store once it is up. */
let SUPPORTER_ID = '';

// Issue 12's walk: every proactive message to a personal chat fails with 404, so each person finds
// their next step only in "my requests" / "my deployments" and presses it there.
for (const notifications of ['failing with 404', 'working'] as const) {
  describe(`Teams: the whole journey through "my work", with personal notifications ${notifications}`, function () {
    this.timeout(120_000);
    const harness = new TeamsHarness();
    before(async () => {
      await harness.start();
      SUPPORTER_ID = await personIdOf(harness.app.store, DEMO_IDENTITIES.supporter.email);
      for (const user of [manager, head, supporter]) harness.addMember(user);
    });
    after(() => harness.stop());

    /** The last card the bot put in this person's chat (a reply or an invoke response). */
    let lastCard: Record<string, unknown> | undefined;
    const remember = (body: unknown, user: TeamsUser) => {
      const value = (body as { value?: unknown } | undefined)?.value;
      const posted = harness.connector.posted(personalChat(user).conversationId).filter((c: RecordedCall) => c.activityId);
      const last = posted[posted.length - 1];
      lastCard = value && typeof value === 'object' ? value as Record<string, unknown> : last ? cardOf(last) : undefined;
    };
    let toldWhatTheyMissed = 0;
    /** Every button shown in the walk, pressed by whoever saw it on a copy of the store: those refused. */
    const refused: string[] = [];
    let probed = 0;
    async function probe(user: TeamsUser, card: unknown) {
      const buttons = executeActions(card).map((b) => ({ actionId: b.verb, title: b.title, data: b.data }));
      probed += buttons.length;
      const email = Object.values(DEMO_IDENTITIES).find((identity) => identity.teamsAadObjectId === user.aadObjectId)!.email;
      for (const refusal of await refusedButtons(harness.sqlitePath, harness.clock, await personIdOf(harness.app.store, email), buttons)) {
        refused.push(`${user.name} / ${refusal}`);
      }
    }
    async function say(user: TeamsUser, text: string) {
      harness.connector.clear();
      await harness.say(user, text);
      const posted = harness.connector.posted(personalChat(user).conversationId);
      if (posted.some((c) => textOf(c).includes('While you were away'))) {
        toldWhatTheyMissed += 1;
        // Asking for their work while told what they missed: the notice, then their work once.
        if (/^my (requests|deployments)$/.test(text)) assert.equal(posted.filter((c) => cardOf(c)).length, 1, `${user.name} sees their work once`);
      }
      remember(undefined, user);
      await probe(user, lastCard);
    }
    async function press(user: TeamsUser, title: string, values: Record<string, unknown> = {}) {
      const buttons = executeActions(lastCard);
      const found = buttons.find((b) => b.title === title);
      assert.ok(found, `${user.name} sees "${title}" among ${buttons.map((b) => b.title).join(', ')}`);
      harness.connector.clear();
      const response = await harness.press(user, found.verb, { ...found.data, ...values }, 'card-1');
      assert.equal(response.status, 200);
      remember(response.body, user);
      await probe(user, lastCard);
      return response;
    }
    /** Opens "my work", presses a button there; forms are submitted with `values`. */
    async function fromMyWork(user: TeamsUser, title: string, values?: Record<string, unknown>) {
      await say(user, 'my requests');
      await press(user, title);
      if (values) await press(user, Object.keys(values).length ? submitTitleOf(lastCard) : title, values);
    }
    const submitTitleOf = (card: unknown) => executeActions(card).find((a) => a.verb.endsWith('.submit'))!.title;
    const request = async () => (await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' }))[0];
    /** The outbox's proactive messages; with 404s, every one to a personal chat is refused. */
    async function deliver() {
      if (notifications === 'failing with 404') harness.connector.refusePosts = (conversationId) => conversationId.startsWith('a:personal-');
      harness.connector.clear();
      await harness.app.outbox.runOnce();
      harness.connector.refusePosts = () => false;
      // What each person was sent, as they see it now.
      for (const user of [manager, head, supporter]) {
        for (const call of harness.connector.posted(personalChat(user).conversationId)) await probe(user, cardOf(call));
      }
      for (const call of harness.connector.posted(BROKERAGE_CHANNEL.conversationId)) await probe(manager, cardOf(call));
    }

    it('walks head → manager → supporter → plan → visit → completion → evaluation → close', async () => {
      // Everyone has the app installed, so the bot knows where their personal chat is.
      for (const user of [manager, head, supporter]) await harness.install(user);
      await say(head, 'request support');
      await press(head, submitTitleOf(lastCard), {
        specialisms: 'maths', phase: 'primary', daysWanted: '2', preferredStart: '2026-12-01',
        need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
        outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
      });
      await deliver();

      await say(manager, 'my requests');
      await press(manager, 'Candidates');
      const approve = executeActions(lastCard).find((a) => a.verb === 'request.approve' && a.data.candidateId === SUPPORTER_ID);
      assert.ok(approve, 'Priya is among the candidates');
      await harness.press(manager, approve.verb, approve.data, 'card-2');
      assert.equal((await request()).status, 'proposed');
      await deliver();

      await say(supporter, 'my deployments');
      assert.match(JSON.stringify(lastCard), /Hawthorn|Need: Year 5/, 'the proposal shows the school and the need before accepting');
      await press(supporter, 'Accept');
      await fromMyWork(supporter, 'Write plan', {
        objective1: 'Secure arithmetic in upper KS2', successCriteria1: 'Books show daily arithmetic practice', impactMeasure1: 'Termly arithmetic test',
        days: '2', visitDates: '7/12/2026, 14 Dec 2026',
      });
      await deliver();
      for (const party of [supporter, head, manager]) await fromMyWork(party, 'Confirm plan');
      assert.equal((await request()).status, 'planned');

      harness.clock.set('2026-12-15T10:00:00Z');
      await fromMyWork(supporter, 'Report a visit', {
        visitDate: '14/12/2026', rag1: 'green', comment1: 'Daily practice in place', activities: 'Lesson observations',
        nextSteps: 'Share with staff', daysUsed: '2', noPupilData: 'true',
      });
      assert.equal((await request()).status, 'completed');
      await deliver();

      // The school says whether the visit report is a true record, from its own work list.
      await fromMyWork(head, 'Check visit reports', { check: 'needs-correction', note: 'The lessons seen were Year 5, not Year 6.' });
      const [checked] = await harness.app.store.query<VisitReport>(DEMO_ALLIANCE_ID, { type: 'visitReport' });
      assert.equal(checked.confirmation?.check, 'needs-correction');
      await deliver();
      if (notifications === 'working') {
        // The support is already completed: the supporter is told why she cannot correct it herself, with no button.
        const told = harness.connector.posted(personalChat(supporter).conversationId).find((c) => /Correction asked/.test(textOf(c)));
        assert.match(textOf(told!), /This deployment is completed, so its reports can no longer be corrected here\. Please ask the alliance manager/);
        assert.ok(!executeActions(cardOf(told!)).some((a) => a.title === 'Correct this report'));
      }
      await say(head, 'my requests');
      assert.ok(!executeActions(lastCard).some((a) => a.title === 'Check visit reports'), 'nothing left to check');
      await fromMyWork(head, 'Evaluate', { rating1: '4', evidence1: 'Books and test', effectiveness: '4', overall: 'Very helpful' });
      assert.equal((await request()).status, 'evaluated');
      // The reason comes prefilled for evaluated support; Teams sends the inputs' values with the press.
      await fromMyWork(manager, 'Close', { reason: 'Support delivered and evaluated.' });
      assert.equal((await request()).status, 'closed');

      assert.ok(probed > 30, `the walk showed buttons (${probed})`);
      assert.deepEqual(refused, [], 'every button shown was accepted when its viewer pressed it');

      const outbox = await harness.app.store.query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' });
      const missed = outbox.filter((m) => m.target.kind === 'person' && (m.status === 'failed' || m.deliveredOnReturn));
      if (notifications === 'failing with 404') {
        assert.ok(missed.length > 0 && toldWhatTheyMissed > 0, 'personal notifications really failed, and people were told on return');
      } else {
        assert.deepEqual([missed.length, toldWhatTheyMissed], [0, 0]);
      }
    });

    it('ends journeys: withdrawn by the head, approved from hold, completed early, closed and reopened by the manager', async () => {
      const newest = async () => (await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest', orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 1 }))[0];
      const buttonsNow = () => executeActions(lastCard).map((b) => b.title);
      const seenIn = (place: string) => harness.connector.posted(place).map((call) => JSON.stringify(cardOf(call)) + textOf(call)).join('\n');
      async function ask(preferredStart: string) {
        await say(head, 'request support');
        await press(head, submitTitleOf(lastCard), {
          specialisms: 'maths', phase: 'primary', daysWanted: '3', preferredStart,
          need: 'Reasoning in Year 4 maths lessons is weak across all three classes.', outcomes: 'Pupils explain their reasoning in every lesson.',
        });
        await deliver();
      }
      async function approvePriya() {
        await fromMyWork(manager, 'Candidates');
        const approve = executeActions(lastCard).find((a) => a.verb === 'request.approve' && a.data.candidateId === SUPPORTER_ID);
        assert.ok(approve, 'Priya is among the candidates');
        const response = await harness.press(manager, approve.verb, approve.data, 'card-3');
        assert.equal(response.status, 200);
        await deliver();
      }

      // The manager channel hears every ending; it is a channel, so its messages arrive in both walks.
      await harness.say(manager, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
      // A head withdraws a request her supporter had accepted; the supporter finds it ended, with its reason, in her own list.
      harness.clock.set('2026-12-16T09:00:00Z');
      await ask('2027-01-04');
      await approvePriya();
      await fromMyWork(supporter, 'Accept');
      await say(head, 'cancel my request');
      assert.match(JSON.stringify(lastCard), /To cancel a request, press Withdraw on it/, '"cancel my request" explains how');
      await fromMyWork(head, 'Withdraw', { reason: 'Our new maths lead has this in hand now.' });
      assert.equal((await newest()).status, 'withdrawn');
      assert.match(JSON.stringify(lastCard), /was withdrawn by Mark Davies/);
      await deliver();
      assert.match(seenIn(BROKERAGE_CHANNEL.conversationId), /was withdrawn by Mark Davies.*Our new maths lead/, 'the manager channel is told who and why');
      await say(supporter, 'my deployments');
      assert.match(JSON.stringify(lastCard), /Withdrawn.*Reason: Our new maths lead has this in hand now/);
      assert.ok(!buttonsNow().some((title) => ['Accept', 'Write plan', 'Withdraw'].includes(title)), `no step is left on it: ${buttonsNow().join(', ')}`);

      // The manager holds the next request, then approves it from hold: one audited decision.
      harness.clock.set('2026-12-16T10:00:00Z');
      await ask('2027-01-04');
      await fromMyWork(manager, 'Candidates');
      await press(manager, 'On hold');
      assert.equal((await newest()).status, 'on-hold');
      await approvePriya();
      const approved = await newest();
      assert.deepEqual([approved.status, approved.history.at(-1)?.from, approved.history.at(-1)?.note], ['proposed', 'on-hold', 'resumed from hold and approved']);

      // Planned for 3 days; after one visit the manager completes it early: the 2 visits not made are cancelled.
      await fromMyWork(supporter, 'Accept');
      await fromMyWork(supporter, 'Write plan', {
        objective1: 'Reasoning in every Year 4 lesson', successCriteria1: 'Pupils explain their methods', impactMeasure1: 'Book look',
        days: '3', visitDates: '4/1/2027, 11 Jan 2027, 18 Jan 2027',
      });
      await deliver();
      for (const party of [supporter, head, manager]) await fromMyWork(party, 'Confirm plan');
      harness.clock.set('2027-01-05T10:00:00Z');
      await fromMyWork(supporter, 'Report a visit', {
        visitDate: '4/1/2027', rag1: 'amber', comment1: 'Started well', activities: 'Lesson visits', nextSteps: 'Staff meeting', daysUsed: '1', noPupilData: 'true',
      });
      await fromMyWork(manager, 'Complete');
      assert.equal((await newest()).status, 'completed');
      await deliver();
      const channel = seenIn(BROKERAGE_CHANNEL.conversationId);
      assert.match(channel, /Helen Carter completed Priya Shah's support.*1 of 3 days delivered.*Mon 11 Jan 2027, Mon 18 Jan 2027\) are cancelled/, 'the channel hears who completed it and what is cancelled');
      if (notifications === 'working') {
        assert.match(seenIn(personalChat(head).conversationId), /Evaluate the support/, 'the head is asked to evaluate');
        assert.match(seenIn(personalChat(supporter).conversationId), /Support completed/, 'the supporter is told');
        assert.doesNotMatch(seenIn(personalChat(supporter).conversationId), /Evaluate the support/, 'only the head gets the Evaluate button');
      }

      // Closed before the school evaluated: the head has no Evaluate button; reopened, she has it again.
      await fromMyWork(manager, 'Close', { reason: 'The school asked us to stop here.' });
      assert.equal((await newest()).status, 'closed');
      const closedReply = lastCard;
      assert.match(JSON.stringify(closedReply), /was closed by Helen Carter/);
      await deliver();
      await say(head, 'my requests');
      assert.match(JSON.stringify(lastCard), /Reason: The school asked us to stop here/);
      assert.ok(!buttonsNow().includes('Evaluate'), 'a closed request offers no evaluation');
      // Reopened by its button in one walk, by saying so in the other.
      if (notifications === 'working') {
        lastCard = closedReply;
        await press(manager, 'Reopen');
      } else {
        await say(manager, `please reopen ${(await newest()).reference.toLowerCase()}`);
        assert.match(JSON.stringify(lastCard), /was reopened by Helen Carter/);
      }
      assert.equal((await newest()).status, 'completed');
      await deliver();
      await fromMyWork(head, 'Evaluate', { rating1: '3', evidence1: 'Books show reasoning', effectiveness: '3', overall: 'Helpful, though cut short' });
      assert.equal((await newest()).status, 'evaluated');

      assert.deepEqual(refused, [], 'every button shown was accepted when its viewer pressed it');
      if (notifications === 'failing with 404') assert.ok(toldWhatTheyMissed > 1, 'people who missed news were told on return');
    });
  });
}
