import assert from 'node:assert/strict';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { executeActions } from '../../helpers/card-actions.js';
import { startOnAgreedDemoPlan, type DemoDeployment } from '../../helpers/demo-deployment.js';
import { cardOf, textOf } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';

const supporter = demoTeamsUser('supporter');
const head = demoTeamsUser('head');

/** After the first of two days is reported (Wed 2 Dec): the mid-term review opens and the head can check the report. */
describe('Teams: mid-term review and checking a visit report, over /api/messages', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let demo: DemoDeployment;
  let reportId: string;

  before(async () => {
    demo = await startOnAgreedDemoPlan(harness, [supporter, head]);
    reportId = (await submitVisitReport({ store: harness.app.store, clock: harness.clock }, demo.supporter, demo.deploymentId, {
      visitDate: '2026-12-01', progress: [{ rag: 'amber', comment: 'Policy drafted' }], activities: 'Book scrutiny', nextSteps: 'Staff meeting', daysUsed: 1, noPupilData: true,
    })).report.id;
    harness.connector.clear();
    await harness.app.outbox.runOnce();
  });
  after(() => harness.stop());

  const store = () => harness.app.store;
  const chat = (user: TeamsUser) => harness.connector.posted(personalChat(user).conversationId);
  const buttonOn = (user: TeamsUser, title: string) => chat(user).flatMap((call) => executeActions(cardOf(call))).find((action) => action.title === title);

  it('asks the supporter and the head for the mid-term review, and takes the supporter\'s "not working" through the form', async () => {
    const open = buttonOn(supporter, 'Mid-term review');
    assert.ok(open, 'the supporter was asked, with the button');
    assert.ok(buttonOn(head, 'Mid-term review'), 'the head was asked too');
    const shown = await harness.press(supporter, open.verb, open.data, 'mid-term-card');
    const form = JSON.stringify(shown.body) + chat(supporter).map(textOf).join(' ');
    assert.match(form, /Mid-term review/);
    assert.match(form, /Objective 1: Consistent calculation policy/);

    const submit = { formId: 'mid-term-review', deploymentId: demo.deploymentId, rag1: 'red', comment1: 'No release time for the lead', comment: 'Coaching keeps being cancelled.' };
    const refused = await harness.press(supporter, 'mid-term-review.submit', submit, 'mid-term-form');
    assert.match(JSON.stringify(refused.body), /Please choose a rating\./, 'the missing overall answer is asked for in the form');
    assert.equal((await store().get<Deployment>(DEMO_ALLIANCE_ID, demo.deploymentId))?.midTerm?.reviews.supporter, undefined);

    await harness.press(supporter, 'mid-term-review.submit', { ...submit, verdict: 'not-working' }, 'mid-term-form');
    assert.equal((await store().get<Deployment>(DEMO_ALLIANCE_ID, demo.deploymentId))?.midTerm?.reviews.supporter?.verdict, 'not-working');
    const told = (await store().query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' })).filter((m) => m.event.kind === 'midTermNotWorking');
    assert.deepEqual(told.map((m) => m.target.kind), ['managerChannel']);
  });

  it('lets the head mark the visit report as needing correction, and tells the supporter what', async () => {
    const check = buttonOn(head, 'Accurate or needs correction');
    assert.ok(check, 'the report card offers the head the check');
    assert.equal(buttonOn(supporter, 'Accurate or needs correction'), undefined, 'the supporter is not offered it');
    await harness.press(head, check.verb, check.data, 'report-card');
    const submit = { formId: 'visit-report-check', reportId, check: 'needs-correction' };
    const refused = await harness.press(head, 'visit-report-check.submit', submit, 'check-form');
    assert.match(JSON.stringify(refused.body), /Please say what needs correcting/);
    await harness.press(head, 'visit-report-check.submit', { ...submit, note: 'The visit was on Tuesday, not Monday.' }, 'check-form');
    assert.equal((await store().get<VisitReport>(DEMO_ALLIANCE_ID, reportId))?.confirmation?.check, 'needs-correction');
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    const toPriya = chat(supporter).map(textOf).join(' ');
    assert.match(toPriya, /Correction asked: S2S-2026-0001, visit of Tue 1 Dec 2026/);
    assert.match(toPriya, /The visit was on Tuesday, not Monday\./);

    // The supporter corrects it from that message; the school is asked to check the corrected report.
    const correct = buttonOn(supporter, 'Correct this report');
    assert.ok(correct, 'the correction asked for comes with the way to make it');
    const opened = await harness.press(supporter, correct.verb, correct.data, 'correction-card');
    const form = JSON.stringify(opened.body) + chat(supporter).map(textOf).join(' ');
    assert.match(form, /Correct a visit report/);
    await harness.press(supporter, 'visit-report.submit', {
      formId: 'visit-report-correction', reportId, rag1: 'amber', comment1: 'Policy drafted', activities: 'Book scrutiny (visit on Tuesday)', nextSteps: 'Staff meeting', daysUsed: '1', noPupilData: 'true',
    }, 'correction-form');
    const corrected = (await store().get<VisitReport>(DEMO_ALLIANCE_ID, reportId))!;
    assert.deepEqual([corrected.activities, corrected.confirmation], ['Book scrutiny (visit on Tuesday)', undefined]);
    harness.connector.clear();
    await harness.say(head, 'my requests');
    assert.ok(buttonOn(head, 'Check visit reports'), 'the school checks the corrected report again');
  });
});
