import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { Alliance } from '../../../services/domain/alliance.js';
import { fixturePersonId, personIdOf } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { slackButtons, slackTextOf, type SlackCall } from '../../helpers/fake-slack-api.js';
import { snapshotDiff, snapshotStore } from '../../helpers/store-snapshot.js';
import { BROKERAGE, dmOf, SlackHarness, supportRequestState } from '../../helpers/slack-harness.js';
import { indexPersonIdentities } from '../../../services/identity/identity-index.js';

const HEAD = DEMO_IDENTITIES.head.slackUserId;
const MANAGER = DEMO_IDENTITIES.manager.slackUserId;

const validAnswers = {
  specialisms: ['maths'],
  phase: 'primary',
  need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
  outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
  daysWanted: '4',
  preferredStart: '2026-12-01',
};

describe('Slack: request support and manager-channel brokerage over /slack/events', function () {
  this.timeout(60_000);
  const harness = new SlackHarness();
  const slack = harness.slack;
  before(() => harness.start());
  after(() => harness.stop());

  const store = () => harness.app.store;
  const requests = () => store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });

  it('tells an unknown user how to be added (naming no manager), after looking up their email with users.info', async () => {
    slack.emails.set('U0STRANGER', 'sam@elsewhere.example');
    await harness.dm('U0STRANGER', 'request support');
    const reply = await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf('U0STRANGER'));
    assert.equal(slack.called('users.info')[0].body.user, 'U0STRANGER');
    assert.match(slackTextOf(reply), /ask your alliance manager to add you/i);
    assert.doesNotMatch(slackTextOf(reply), /Helen|Carter|Riverside|helen\.carter@/);
    assert.deepEqual(slackButtons(reply), []);
  });

  it('links a directory person by the email Slack gives, so the next turn needs no look-up', async () => {
    const julie = 'U0JULIE';
    slack.emails.set(julie, 'julie.hartley@longmynd-primary.example');
    await harness.command(julie, 'help');
    assert.match(slackTextOf(await slack.waitFor('response_url', (c) => /Julie Hartley/.test(slackTextOf(c)))), /Request support/);
    const person = await store().get<Person>(DEMO_ALLIANCE_ID, await personIdOf(store(), 'julie.hartley@longmynd-primary.example'));
    assert.equal(person?.slackUserId, julie);
  });

  it('answers a DM asking for help with a request form launcher, which opens the prefilled modal', async () => {
    slack.clear();
    await harness.dm(HEAD, 'we need help with KS2 maths please');
    const launcher = await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(HEAD));
    const [open] = slackButtons(launcher);
    assert.equal(open.actionId, 'slack.open-form');
    await harness.press(HEAD, open.actionId, open.data, { channel: dmOf(HEAD), ts: String(launcher.body.ts ?? '1.1') });
    const opened = await slack.waitFor('views.open');
    assert.match(String(opened.body.trigger_id), /^trigger-/);
    assert.match(JSON.stringify(opened.body.view), /"initial_options":\[\{"text":\{"type":"plain_text","text":"Maths"/);
  });

  let opened: SlackCall;
  it('opens the request form as a modal for "/s2s request", with the form and a submission id in private_metadata', async () => {
    slack.clear();
    const response = await harness.command(HEAD, 'request support');
    assert.equal(response.status, 200);
    opened = await slack.waitFor('views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    const metadata = JSON.parse(view.private_metadata) as { formId: string; data: { submissionId: string } };
    assert.equal(metadata.formId, 'support-request');
    assert.match(metadata.data.submissionId, /^[A-Za-z0-9_-]{6,}$/);
  });

  it('returns field errors into the modal (response_action: errors) and stores nothing for an invalid submission', async () => {
    const before = snapshotStore(store());
    const response = await harness.submit(HEAD, opened, supportRequestState({ ...validAnswers, need: 'too short', daysWanted: '99' }));
    assert.equal(response.status, 200);
    const answer = JSON.parse(response.text) as { response_action: string; errors: Record<string, string> };
    assert.equal(answer.response_action, 'errors');
    assert.match(answer.errors.need, /at least 20 characters/);
    assert.match(answer.errors.daysWanted, /whole or half days from 0.5 to 60/);
    assert.deepEqual(Object.keys(answer.errors).sort(), ['daysWanted', 'need']);
    assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
  });

  it('stores a valid request once when submitted twice, and posts the confirmation to the head', async () => {
    slack.clear();
    const state = supportRequestState(validAnswers);
    const [first, second] = await Promise.all([harness.submit(HEAD, opened, state), harness.submit(HEAD, opened, state)]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(first.text, '', 'the modal closes');
    const confirmation = await slack.waitFor('chat.postMessage', (c) => c.body.channel === HEAD && /S2S-2026-0001/.test(slackTextOf(c)));
    assert.ok(confirmation);
    const stored = await requests();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].createdVia, 'slack');
    assert.equal(stored[0].status, 'matching');
  });

  it('refuses "/s2s use this channel" from a non-manager and links the channel for the manager', async () => {
    slack.clear();
    await harness.command(HEAD, 'use this channel', BROKERAGE);
    assert.match(slackTextOf(await slack.waitFor('response_url')), /Only the alliance manager/);
    await harness.command(MANAGER, 'use this channel', BROKERAGE);
    await slack.waitFor('response_url', (c) => /will be posted in this channel/.test(slackTextOf(c)));
    const alliance = await store().get<Alliance>(DEMO_ALLIANCE_ID, DEMO_ALLIANCE_ID);
    assert.equal(alliance?.managerChannel?.slack?.channelId, BROKERAGE.id);
  });

  let managerCard: SlackCall;
  it('posts the new request to the manager channel with candidate buttons', async () => {
    slack.clear();
    const report = await harness.app.outbox.runOnce();
    assert.ok(report.sent >= 1);
    managerCard = await slack.waitFor('chat.postMessage', (c) => c.body.channel === BROKERAGE.id);
    const labels = slackButtons(managerCard).map((b) => b.text);
    assert.ok(labels.some((l) => l.startsWith('Approve ')));
    assert.ok(labels.includes('Other candidates') && labels.includes('Decline') && labels.includes('On hold'));
  });

  const cardTs = () => `1764000000.${'9'.repeat(6)}`;
  it('refuses a head pressing Approve, privately, and changes nothing', async () => {
    slack.clear();
    const before = snapshotStore(store());
    const approve = slackButtons(managerCard).find((b) => b.text.startsWith('Approve '))!;
    await harness.press(HEAD, approve.actionId, approve.data, { channel: BROKERAGE.id, ts: cardTs() });
    const refusal = await slack.waitFor('response_url');
    assert.match(slackTextOf(refusal), /Only the alliance manager/);
    assert.equal(refusal.body.response_type, 'ephemeral');
    assert.equal(slack.called('chat.update').length, 0);
    assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
  });

  it('opens the decline reason as a modal from the channel card, and keeps an empty reason in the modal', async () => {
    slack.clear();
    const before = snapshotStore(store());
    const decline = slackButtons(managerCard).find((b) => b.text === 'Decline')!;
    await harness.press(MANAGER, decline.actionId, decline.data, { channel: BROKERAGE.id, ts: cardTs() });
    const opened = await slack.waitFor('views.open');
    assert.match(slackTextOf(opened), /S2S-2026-0001/);
    const response = await harness.submit(MANAGER, opened, { reason: { reason: { type: 'plain_text_input', value: '' } } });
    const answer = JSON.parse(response.text) as { response_action: string; errors: Record<string, string> };
    assert.equal(answer.response_action, 'errors');
    assert.deepEqual(Object.keys(answer.errors), ['reason']);
    assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
  });

  it('lets exactly one of two managers deciding at once win, updates the card in place and tells the other', async () => {
    const helen = await store().get<Person>(DEMO_ALLIANCE_ID, await personIdOf(store(), DEMO_IDENTITIES.manager.email));
    await indexPersonIdentities(store(), await store().create<Person>({ ...helen!, id: fixturePersonId('ravi@riverside-hub.example'), email: 'ravi@riverside-hub.example', name: 'Ravi Kumar', slackUserId: 'U0RAVI' }));
    slack.clear();
    const approve = slackButtons(managerCard).find((b) => b.text.startsWith('Approve '))!;
    const on = { channel: BROKERAGE.id, ts: cardTs() };
    await Promise.all([
      harness.press(MANAGER, approve.actionId, approve.data, on),
      harness.press('U0RAVI', 'request.hold', { requestId: approve.data.requestId }, on),
    ]);
    await slack.waitFor('response_url', (c) => /already decided this request/.test(slackTextOf(c)));
    const update = await slack.waitFor('chat.update');
    assert.equal(update.body.channel, BROKERAGE.id);
    assert.equal(update.body.ts, cardTs());
    const [decided] = await requests();
    assert.ok(['proposed', 'on-hold'].includes(decided.status));
    assert.equal(decided.history.filter((h) => h.from === 'matching').length, 1, 'one decision recorded');
  });

  it('notifies the head and the proposed supporter by DM (conversations.open, chat.postMessage)', async () => {
    let [request] = await requests();
    if (request.status === 'on-hold') {
      // The hold won the race: approve from hold so the rest of the flow can be walked.
      await harness.press(MANAGER, 'request.approve', { requestId: request.id, candidateId: request.candidates[0].personId }, { channel: BROKERAGE.id, ts: cardTs() });
      await slack.waitFor('chat.update', () => true);
      for (let i = 0; i < 50 && request.status !== 'proposed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        [request] = await requests();
      }
    }
    assert.equal(request.status, 'proposed');
    const matched = await store().get<Person>(DEMO_ALLIANCE_ID, request.matchedSupporterId!);
    const supporterId = matched?.slackUserId ?? 'U0MATCHED';
    if (!matched?.slackUserId) await indexPersonIdentities(store(), await store().replace<Person>({ ...matched!, slackUserId: supporterId }, matched!._etag));
    await harness.dm(supporterId, 'hello');
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(supporterId));
    slack.clear();
    await harness.app.outbox.runOnce();
    const opens = slack.called('conversations.open').map((c) => c.body.users);
    assert.ok(opens.includes(HEAD) && opens.includes(supporterId), `opened DMs with ${opens.join(', ')}`);
    const dms = slack.called('chat.postMessage');
    assert.match(dms.filter((c) => c.body.channel === dmOf(HEAD)).map(slackTextOf).join(' '), /Matched with/);
    const proposal = dms.find((c) => c.body.channel === dmOf(supporterId) && slackButtons(c).some((b) => b.text === 'Accept'));
    assert.ok(proposal, 'the supporter got the proposal with Accept');
    assert.ok(slack.called('chat.update').some((c) => c.body.channel === BROKERAGE.id), 'the manager card was updated by the outbox');

    // The supporter accepts from the DM: the proposal is redrawn in place and the managers are told.
    const accept = slackButtons(proposal).find((b) => b.text === 'Accept')!;
    slack.clear();
    await harness.press(supporterId, accept.actionId, accept.data, { channel: dmOf(supporterId), ts: '1764000000.000042' });
    const redrawn = await slack.waitFor('chat.update', (c) => c.body.channel === dmOf(supporterId));
    assert.equal(redrawn.body.ts, '1764000000.000042');
    await harness.app.outbox.runOnce();
    assert.match(slack.called('chat.postMessage').filter((c) => c.body.channel === BROKERAGE.id).map(slackTextOf).join(' '), /accepted/);
  });

  it('shows the head their requests on the App Home tab', async () => {
    slack.clear();
    await harness.event({ type: 'app_home_opened', user: HEAD, channel: dmOf(HEAD), tab: 'home' });
    const published = await slack.waitFor('views.publish');
    assert.equal(published.body.user_id, HEAD);
    assert.match(slackTextOf(published), /Your school's requests/);
    assert.match(slackTextOf(published), /S2S-2026-0001/);
    assert.ok(slackButtons(published).some((b) => b.text === 'Request support'));
  });

  it('finds experts for "/s2s find maths primary"', async () => {
    slack.clear();
    await harness.command(HEAD, 'find maths primary');
    assert.match(slackTextOf(await slack.waitFor('response_url')), /Supporters for Maths/);
  });
});
