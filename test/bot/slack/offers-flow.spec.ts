import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { AuditDocument } from '../../../services/domain/audit.js';
import type { DiagnosticReport } from '../../../services/domain/diagnostic.js';
import type { DirectContact } from '../../../services/domain/direct-contact.js';
import type { MembershipRequest } from '../../../services/domain/membership.js';
import { personIdOf } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import { requestKind, type SupportRequest } from '../../../services/domain/support-request.js';
import { indexPersonIdentities } from '../../../services/identity/identity-index.js';
import { setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { answerModal } from '../../helpers/slack-modal-state.js';
import { slackButtons, slackTextOf, type SlackCall } from '../../helpers/fake-slack-api.js';
import { BROKERAGE, dmOf, SlackHarness, supportRequestState } from '../../helpers/slack-harness.js';

const HEAD = DEMO_IDENTITIES.head.slackUserId;
const MANAGER = DEMO_IDENTITIES.manager.slackUserId;

/** Every link button (one with a url) in a recorded message. */
function linkButtons(call: SlackCall): Array<{ text: string; url: string }> {
  const found: Array<{ text: string; url: string }> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'button' && typeof record.url === 'string') found.push({ text: String((record.text as { text?: string }).text), url: record.url });
      else Object.values(record).forEach(walk);
    }
  };
  walk(call.body.blocks);
  return found;
}

describe('Slack: diagnostics, messaging experts, joining and leaving over /slack/events', function () {
  this.timeout(90_000);
  const harness = new SlackHarness();
  const slack = harness.slack;
  const store = () => harness.app.store;
  before(async () => {
    await harness.start();
    await harness.event({ type: 'app_mention', channel: BROKERAGE.id, user: MANAGER, text: '<@U0S2SBOT> use this channel for brokerage', ts: '1.0001' });
    await slack.waitFor('chat.postMessage', (c) => /will be posted in this channel/.test(slackTextOf(c)));
  });
  after(() => harness.stop());

  it('shows "Message" only for experts who agreed, links to a DM with them, and records the contact', async () => {
    const people = await store().query<Person>(DEMO_ALLIANCE_ID, { type: 'person' });
    const ben = people.find((p) => p.name === 'Ben Cooper')!;
    await indexPersonIdentities(store(), await store().replace<Person>({ ...ben, slackUserId: 'U0BEN' }, ben._etag));
    slack.clear();
    await harness.dm(HEAD, 'find someone for maths');
    const results = await slack.waitFor('chat.postMessage', (c) => /Supporters for Maths/.test(slackTextOf(c)));
    const messages = slackButtons(results).filter((b) => b.actionId === 'contact.message');
    assert.deepEqual(messages.map((m) => m.data.personId), [ben.id], 'only the lead practitioner agreed (SLEs are off by default)');

    slack.clear();
    await harness.press(HEAD, 'contact.message', messages[0].data, { channel: dmOf(HEAD), ts: String(results.body.ts ?? '1.1') });
    const link = await slack.waitFor('chat.postMessage', (c) => /Message Ben Cooper/.test(slackTextOf(c)));
    assert.deepEqual(linkButtons(link).map((b) => b.url), ['https://slack.com/app_redirect?channel=U0BEN']);
    const contacts = await store().query<DirectContact>(DEMO_ALLIANCE_ID, { type: 'directContact' });
    assert.deepEqual(contacts.map((c) => [c.fromPersonId, c.toPersonId, c.via]), [[(await personIdOf(store(), DEMO_IDENTITIES.head.email)), ben.id, 'slack']]);
  });

  it('lets the head of a school the bot does not know ask to join; on approval they can request support', async () => {
    await setJoiningSettings({ store: store(), clock: harness.clock }, DEMO_ALLIANCE_ID, { listed: true, memorandum: 'Member schools share expertise and pay the agreed day rates for brokered support.' });
    const NEW_HEAD = 'U0WILLOW';
    slack.emails.set(NEW_HEAD, 'wendy@willow-primary.example');
    slack.clear();
    await harness.dm(NEW_HEAD, 'can our school join the alliance?');
    const options = await slack.waitFor('chat.postMessage', (c) => slackButtons(c).some((b) => b.actionId === 'join.open'));
    const join = slackButtons(options).find((b) => b.actionId === 'join.open')!;
    await harness.press(NEW_HEAD, join.actionId, join.data, { channel: dmOf(NEW_HEAD), ts: String(options.body.ts ?? '1.1') });
    const opened = await slack.waitFor('views.open');
    assert.match(slackTextOf(opened), /pay the agreed day rates/);
    const text = (value: string) => ({ type: 'plain_text_input', value });
    const state = (acknowledged: boolean) => ({
      urn: { urn: text('990778') }, schoolName: { schoolName: text('Alder Primary School') },
      phase: { phase: { type: 'static_select', selected_option: { value: 'primary' } } },
      postcode: { postcode: text('') }, localAuthority: { localAuthority: text('') }, headName: { headName: text('Wendy Willow') },
      // What Slack's users.info gave fills this in; a different typed address is ignored.
      email: { email: text('someone.else@example.org') },
      memorandumAcknowledged: { memorandumAcknowledged: { type: 'checkboxes', selected_options: acknowledged ? [{ value: 'true' }] : [] } },
    });
    const refused = await harness.submit(NEW_HEAD, opened, state(false));
    assert.match(refused.text, /"response_action":"errors"/);
    await harness.submit(NEW_HEAD, opened, state(true));
    // The flow runs after Slack's ack: its thank-you is the sign it is done.
    await slack.waitFor('chat.postMessage', (c) => /look at your request for Alder Primary School/.test(slackTextOf(c)));
    const [asked] = await store().query<MembershipRequest>(DEMO_ALLIANCE_ID, { type: 'membershipRequest' });
    assert.deepEqual([asked.status, asked.requester.userId, asked.emailConfirmedByChannel], ['pending', NEW_HEAD, true]);

    slack.clear();
    await harness.app.outbox.runOnce();
    const card = await slack.waitFor('chat.postMessage', (c) => c.body.channel === BROKERAGE.id && /Alder Primary School asks to join/.test(slackTextOf(c)));
    const approve = slackButtons(card).find((b) => b.actionId === 'membership.approve')!;
    await harness.press(MANAGER, approve.actionId, approve.data, { channel: BROKERAGE.id, ts: String(card.body.ts ?? '1.2') });
    await slack.waitFor('chat.update', (c) => /Approved by Helen Carter/.test(slackTextOf(c)));

    slack.clear();
    await harness.app.outbox.runOnce();
    await slack.waitFor('chat.postMessage', (c) => /Welcome to Riverside Teaching School Hub/.test(slackTextOf(c)));
    slack.clear();
    await harness.dm(NEW_HEAD, 'we need help with KS2 maths please');
    const launcher = await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(NEW_HEAD));
    assert.ok(slackButtons(launcher).some((b) => b.actionId === 'slack.open-form'), 'the new head is known and may request support');
  });

  it('takes a diagnostic from request to report to a prefilled support request', async () => {
    slack.clear();
    await harness.command(HEAD, 'we would like a diagnostic visit');
    const opened = await slack.waitFor('views.open');
    const text = (value: string) => ({ type: 'plain_text_input', value });
    await harness.submit(HEAD, opened, {
      specialisms: { specialisms: { type: 'multi_static_select', selected_options: [] } },
      phase: { phase: { type: 'static_select', selected_option: { value: 'primary' } } },
      need: { need: text('We would like a leader to look at maths and leadership across the school first.') },
      daysWanted: { daysWanted: { type: 'radio_buttons', selected_option: { value: '1' } } },
      preferredStart: { preferredStart: { type: 'datepicker', selected_date: '2026-12-07' } },
    });
    await slack.waitFor('chat.postMessage', (c) => /Request received/.test(slackTextOf(c)));
    const [diagnostic] = (await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' })).filter((r) => r.kind === 'diagnostic');
    assert.equal(diagnostic?.status, 'matching');

    slack.clear();
    await harness.app.outbox.runOnce();
    const card = await slack.waitFor('chat.postMessage', (c) => c.body.channel === BROKERAGE.id && /Diagnostic visit/.test(slackTextOf(c)));
    const approve = slackButtons(card).find((b) => b.actionId === 'request.approve')!;
    await harness.press(MANAGER, approve.actionId, approve.data, { channel: BROKERAGE.id, ts: String(card.body.ts ?? '1.3') });
    await slack.waitFor('chat.update');
    const leaderRecord = (await store().get<Person>(DEMO_ALLIANCE_ID, String(approve.data.candidateId)))!;
    assert.ok(['NLE', 'LLE', 'executive-head'].includes(leaderRecord.designation!));
    await indexPersonIdentities(store(), await store().replace<Person>({ ...leaderRecord, slackUserId: 'U0LEADER' }, leaderRecord._etag));

    slack.clear();
    await harness.press('U0LEADER', 'proposal.accept', { deploymentId: `deployment-${diagnostic.id.replace(/^request-/, '')}-${leaderRecord.id.replace(/^person-/, '')}` }, { channel: dmOf('U0LEADER'), ts: '1.4' });
    const redrawn = await slack.waitFor('chat.update', (c) => slackButtons(c).some((b) => b.actionId === 'diagnostic-report.open'));
    const write = slackButtons(redrawn).find((b) => b.actionId === 'diagnostic-report.open')!;
    harness.clock.set('2026-12-08T15:00:00Z');
    await harness.press('U0LEADER', write.actionId, write.data, { channel: dmOf('U0LEADER'), ts: '1.4' });
    const reportModal = await slack.waitFor('views.open');
    await harness.submit('U0LEADER', reportModal, {
      visitDate: { visitDate: { type: 'datepicker', selected_date: '2026-12-08' } },
      daysUsed: { daysUsed: { type: 'static_select', selected_option: { value: '1' } } },
      strengths: { strengths: text('Warm, purposeful classrooms; strong early reading.') },
      priorities: { priorities: text('Reasoning in KS2 maths; developing the maths lead.') },
      recommendedSpecialisms: { recommendedSpecialisms: { type: 'multi_static_select', selected_options: [{ value: 'maths' }] } },
      recommendedPhase: { recommendedPhase: { type: 'static_select', selected_option: { value: 'primary' } } },
      recommendedDays: { recommendedDays: { type: 'number_input', value: '4' } },
      noPupilData: { noPupilData: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
    });
    await slack.waitFor('chat.postMessage', (c) => c.body.channel !== BROKERAGE.id && /Diagnostic report/.test(slackTextOf(c)));

    slack.clear();
    await harness.app.outbox.runOnce();
    const report = await slack.waitFor('chat.postMessage', (c) => c.body.channel !== BROKERAGE.id && /Diagnostic report/.test(slackTextOf(c)));
    const followOn = slackButtons(report).find((b) => b.actionId === 'diagnostic.follow-on')!;
    slack.clear();
    await harness.press(HEAD, followOn.actionId, followOn.data, { channel: dmOf(HEAD), ts: String(report.body.ts ?? '1.5') });
    const prefilled = await slack.waitFor('views.open');
    assert.match(JSON.stringify(prefilled.body.view), /"initial_options":\[\{"text":\{"type":"plain_text","text":"Maths"/);
    assert.match(slackTextOf(prefilled), /Reasoning in KS2 maths/);

    // Sent as it opened: the follow-on request carries the report's recommendations.
    await harness.submit(HEAD, prefilled, answerModal(prefilled, {}));
    await slack.waitFor('chat.postMessage', (c) => c.body.channel !== BROKERAGE.id && /Request received/.test(slackTextOf(c)));
    const [stored] = await store().query<DiagnosticReport>(DEMO_ALLIANCE_ID, { type: 'diagnosticReport' });
    const raised = (await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' })).find((r) => r.followsDiagnosticReportId === stored.id);
    assert.ok(raised, 'the follow-on request is stored against the report');
    assert.deepEqual(
      [requestKind(raised), raised.specialisms, raised.phase, raised.daysWanted, raised.requesterId, raised.schoolUrn],
      ['support', stored.recommendedSpecialisms, stored.recommendedPhase, stored.recommendedDays, await personIdOf(store(), DEMO_IDENTITIES.head.email), diagnostic.schoolUrn],
    );
    assert.deepEqual([stored.recommendedSpecialisms, stored.recommendedDays], [['maths'], 4]);
    assert.match(raised.need, /Priorities: Reasoning in KS2 maths; developing the maths lead\./);
    assert.equal((await store().get<SupportRequest>(DEMO_ALLIANCE_ID, diagnostic.id))?.status, 'closed', 'the diagnostic is done with');
  });

  it('lets an expert change their own "contact me directly" setting in a DM, and searches follow it', async () => {
    const PRIYA = DEMO_IDENTITIES.supporter.slackUserId;
    const priyaId = await personIdOf(store(), DEMO_IDENTITIES.supporter.email);
    const messageable = async () => {
      slack.clear();
      await harness.dm(HEAD, 'find someone for maths');
      const results = await slack.waitFor('chat.postMessage', (c) => /Supporters for Maths/.test(slackTextOf(c)));
      return slackButtons(results).some((b) => b.actionId === 'contact.message' && b.data.personId === priyaId);
    };
    assert.equal(await messageable(), false);
    slack.clear();
    await harness.dm(PRIYA, 'let schools contact me directly');
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(PRIYA) && /Done\. Schools in Riverside Teaching School Hub can now message you directly/.test(slackTextOf(c)));
    assert.equal(await messageable(), true);

    harness.clock.set('2026-12-08T16:00:00Z');
    slack.clear();
    await harness.dm(PRIYA, 'stop direct contact');
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(PRIYA) && /now reach you through a request/.test(slackTextOf(c)));
    assert.equal(await messageable(), false);
    const audit = await store().query<AuditDocument>(DEMO_ALLIANCE_ID, { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'contact-directly' }], orderBy: [{ field: 'at' }] });
    assert.deepEqual(audit.map((a) => [a.by, a.note]), [[priyaId, 'on'], [priyaId, 'off']]);
  });

  it('lets a head ask for the school to leave; on approval its waiting requests close and it can no longer request support', async () => {
    slack.clear();
    await harness.command(HEAD, 'request support');
    await harness.submit(HEAD, await slack.waitFor('views.open'), supportRequestState({
      specialisms: ['maths'], phase: 'primary', need: 'Reasoning in KS2 maths has dropped two years running.',
      outcomes: 'Better reasoning in Year 6 books.', daysWanted: '3', preferredStart: '2026-12-14',
    }));
    await slack.waitFor('chat.postMessage', (c) => /Request received/.test(slackTextOf(c)));
    const headId = await personIdOf(store(), DEMO_IDENTITIES.head.email);
    const waiting = (await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' }))
      .filter((r) => r.requesterId === headId && ['submitted', 'matching', 'on-hold'].includes(r.status));
    assert.ok(waiting.length > 0);

    slack.clear();
    await harness.dm(HEAD, 'our school wants to leave the alliance');
    const launcher = await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(HEAD));
    const [open] = slackButtons(launcher);
    await harness.press(HEAD, open.actionId, open.data, { channel: dmOf(HEAD), ts: String(launcher.body.ts ?? '1.6') });
    const opened = await slack.waitFor('views.open');
    assert.match(slackTextOf(opened), /requests not yet matched are closed; support already under way carries on to completion/);
    await harness.submit(HEAD, opened, { reason: { reason: { type: 'plain_text_input', value: 'We are joining a trust that runs its own hub.' } } });
    await slack.waitFor('chat.postMessage', (c) => /look at your request for .+ to leave Riverside Teaching School Hub/.test(slackTextOf(c)));

    slack.clear();
    await harness.app.outbox.runOnce();
    const card = await slack.waitFor('chat.postMessage', (c) => c.body.channel === BROKERAGE.id && /asks to leave the alliance/.test(slackTextOf(c)));
    for (const request of waiting) assert.match(slackTextOf(card), new RegExp(request.reference));
    assert.match(slackTextOf(card), /deployments under way continue to completion/);
    const approve = slackButtons(card).find((b) => b.actionId === 'membership.approve')!;
    await harness.press(MANAGER, approve.actionId, approve.data, { channel: BROKERAGE.id, ts: String(card.body.ts ?? '1.7') });
    await slack.waitFor('chat.update', (c) => /Approved by Helen Carter/.test(slackTextOf(c)));

    slack.clear();
    await harness.app.outbox.runOnce();
    await slack.waitFor('chat.postMessage', (c) => c.body.channel !== BROKERAGE.id && /has left Riverside Teaching School Hub/.test(slackTextOf(c)));
    for (const request of waiting) {
      const closed = await store().get<SupportRequest>(DEMO_ALLIANCE_ID, request.id);
      assert.deepEqual([closed?.status, closed?.history.at(-1)?.note], ['closed', 'The school left the alliance.']);
    }
    slack.clear();
    await harness.dm(HEAD, 'we need help with KS2 maths please');
    const refusal = /left the alliance on \w{3} \d{1,2} \w{3} \d{4}, so it can no longer ask for support, search the directory or message experts here/;
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(HEAD) && refusal.test(slackTextOf(c)));
    slack.clear();
    await harness.dm(HEAD, 'find someone for maths');
    await slack.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(HEAD) && refusal.test(slackTextOf(c)));
  });
});
