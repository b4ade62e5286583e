import assert from 'node:assert/strict';
import { checkVisitReport } from '../../../services/deployments/check-visit-report.js';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { executeActions } from '../../helpers/card-actions.js';
import { startOnAgreedDemoPlan, type DemoDeployment } from '../../helpers/demo-deployment.js';
import { cardOf, textOf } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';

const supporter = demoTeamsUser('supporter');
const head = demoTeamsUser('head');

/** Priya reports the visit of Tue 1 Dec (1 of 2 days) on Wed 2 Dec, then puts the report right. */
describe('Teams: the supporter corrects a visit report, over /api/messages', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let demo: DemoDeployment;
  /** The supporter's own report card, as the invoke answered her submission. */
  let reportCard: unknown;

  before(async () => {
    demo = await startOnAgreedDemoPlan(harness, [supporter, head]);
    const sent = await harness.press(supporter, 'visit-report.submit', {
      formId: 'visit-report', deploymentId: demo.deploymentId, visitDate: '1/12/2026', rag1: 'amber', comment1: 'Policy drafted',
      activities: 'Book scrutiny in Year 5', nextSteps: 'Staff meeting', daysUsed: '1', noPupilData: 'true',
    }, 'report-form');
    reportCard = cardIn(sent.body);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    harness.connector.clear();
  });
  after(() => harness.stop());

  const stored = async () => (await harness.app.store.query<VisitReport>(DEMO_ALLIANCE_ID, { type: 'visitReport' }))[0];
  const chat = (user: TeamsUser) => harness.connector.posted(personalChat(user).conversationId);
  /** What a person was answered: the invoke's card and whatever was posted to their chat. */
  const seen = (body: unknown, user: TeamsUser) => JSON.stringify(body) + chat(user).map(textOf).join(' ');
  const correctButton = (card: unknown) => executeActions(card).find((action) => action.title === 'Correct this report');

  it('offers the correction on the supporter\'s card, opens the same form filled in, and shows the corrected card', async () => {
    const correct = correctButton(reportCard);
    assert.ok(correct, 'the supporter\'s own view of her report offers the correction');
    const opened = await harness.press(supporter, correct.verb, correct.data, 'report-card');
    const form = cardIn(opened.body) ?? cardOf(chat(supporter).at(-1)!);
    const shown = JSON.stringify(form);
    assert.match(shown, /Correct a visit report/);
    assert.match(shown, /Visit date: Tue 1 Dec 2026/);
    assert.match(shown, /Book scrutiny in Year 5/, 'what was done is filled in');
    assert.match(shown, /Policy drafted/);
    const submit = executeActions(form).find((action) => action.verb === 'visit-report.submit');
    assert.ok(submit, 'the visit report form\'s own submit');

    const answers = { ...submit.data, rag1: 'green', comment1: 'Policy drafted', activities: 'Book scrutiny in Year 5 and Year 6', nextSteps: 'Staff meeting', daysUsed: '1.5' };
    const unconfirmed = await harness.press(supporter, submit.verb, answers, 'correction-form');
    assert.match(JSON.stringify(unconfirmed.body), /Please confirm the report holds no pupil names/, 'the box is ticked again for the new text');
    assert.equal((await stored()).daysUsed, 1);

    harness.connector.clear();
    const sent = await harness.press(supporter, submit.verb, { ...answers, noPupilData: 'true' }, 'correction-form');
    const after = seen(sent.body, supporter);
    assert.match(after, /Book scrutiny in Year 5 and Year 6/);
    assert.match(after, /Corrected by the supporter on Wed 2 Dec 2026: Changed the rating of objective 1, what was done, days used \(1 to 1\.5\)/);
    assert.match(after, /the school and the alliance manager are told/);
    assert.ok(correctButton(cardIn(sent.body)), 'still correctable until the school checks it');
    const report = await stored();
    assert.deepEqual([report.visitDate, report.daysUsed, report.progress[0].rag], ['2026-12-01', 1.5, 'green']);
  });

  it('tells the school, whose head is refused the correction', async () => {
    // The correction's turn woke the outbox; this pass sends whatever it has not sent yet.
    await harness.app.outbox.runOnce();
    const toHead = chat(head).map(textOf).join(' ');
    assert.match(toHead, /Visit report S2S-2026-0001, Tue 1 Dec 2026/);
    assert.match(toHead, /Corrected by the supporter on Wed 2 Dec 2026/);
    const headCards = chat(head).map(cardOf);
    assert.ok(headCards.some((card) => executeActions(card).some((a) => a.title === 'Accurate or needs correction')), 'the head can still check it');
    assert.ok(!headCards.some((card) => correctButton(card)), 'the head is not offered the correction');

    harness.connector.clear();
    const pressed = await harness.press(head, 'visit-report.correct', { reportId: (await stored()).id }, 'report-card');
    assert.match(seen(pressed.body, head), /Only the supporter who wrote this visit report can correct it/);
    assert.equal((await stored()).daysUsed, 1.5);
  });

  it('has "Correct a report" in my deployments until the school marks the report accurate, then points to the manager', async () => {
    harness.connector.clear();
    await harness.say(supporter, 'my deployments');
    const mine = cardOf(chat(supporter).at(-1)!);
    const fromList = executeActions(mine).find((a) => a.title === 'Correct a report');
    assert.ok(fromList, 'my deployments offers it');
    const opened = await harness.press(supporter, fromList.verb, fromList.data, 'my-work');
    assert.match(JSON.stringify(cardIn(opened.body) ?? cardOf(chat(supporter).at(-1)!)), /Book scrutiny in Year 5 and Year 6/, 'the one report to correct opens filled in');

    await checkVisitReport({ store: harness.app.store, clock: harness.clock }, demo.head, (await stored()).id, { check: 'accurate' });
    harness.connector.clear();
    await harness.say(supporter, 'my deployments');
    assert.ok(!executeActions(cardOf(chat(supporter).at(-1)!)).some((a) => a.title === 'Correct a report'), 'gone once marked accurate');
    harness.connector.clear();
    const late = await harness.press(supporter, fromList.verb, fromList.data, 'my-work');
    assert.match(seen(late.body, supporter), /ask the alliance manager/);
  });
});

/** The Adaptive Card an invoke answered with, if it answered with one. */
function cardIn(body: unknown): Record<string, unknown> | undefined {
  const value = (body as { value?: unknown } | undefined)?.value;
  return value && typeof value === 'object' && (value as { type?: unknown }).type === 'AdaptiveCard' ? value as Record<string, unknown> : undefined;
}
