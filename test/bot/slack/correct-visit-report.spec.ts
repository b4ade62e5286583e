import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { agreeDemoPlan } from '../../helpers/demo-deployment.js';
import { slackButtons, slackTextOf } from '../../helpers/fake-slack-api.js';
import { dmOf, SlackHarness } from '../../helpers/slack-harness.js';
import { SlackWalker } from '../../helpers/slack-walker.js';

const HEAD = DEMO_IDENTITIES.head.slackUserId;
const SUPPORTER = DEMO_IDENTITIES.supporter.slackUserId;

/** The same visit-report form as a modal, opened filled in from the supporter's report card; untouched answers keep the report's values. */
describe('Slack: the supporter corrects a visit report', function () {
  this.timeout(90_000);
  const harness = new SlackHarness();
  const walk = new SlackWalker(harness);
  before(async () => {
    await harness.start();
    await agreeDemoPlan(harness.app.store, harness.clock);
    harness.clock.set('2026-12-02T10:00:00Z');
  });
  after(() => harness.stop());
  const reportCards = () => harness.slack.calls.filter((c) => c.body.channel === SUPPORTER && /Visit report S2S-2026-0001/.test(slackTextOf(c)));
  const stored = async () => (await harness.app.store.query<VisitReport>(DEMO_ALLIANCE_ID, { type: 'visitReport' }))[0];

  it('corrects the days used from the report card, keeping every other answer, and the head is told', async () => {
    await walk.fromMyWork(SUPPORTER, 'Report a visit', {
      visitDate: '2026-12-01', rag1: 'amber', comment1: 'Policy drafted', activities: 'Book scrutiny', nextSteps: 'Staff meeting', daysUsed: '1', noPupilData: 'true',
    });
    // A modal's answer arrives as new messages in the supporter's chat: the last card is her report.
    const correct = reportCards().flatMap(slackButtons).find((b) => b.text === 'Correct this report');
    assert.ok(correct, 'her own report card offers the correction');
    await walk.act(SUPPORTER, () => harness.press(SUPPORTER, correct.actionId, correct.data, { channel: dmOf(SUPPORTER), ts: '1.1' }));
    const opened = harness.slack.called('views.open').at(-1);
    assert.match(JSON.stringify(opened?.body.view), /Correct a visit report.*Visit date: Tue 1 Dec 2026/);
    await walk.submit(SUPPORTER, opened, { daysUsed: '0.5', noPupilData: 'true' }, { noPupilData: '' });
    const report = await stored();
    assert.deepEqual([report.daysUsed, report.activities, report.progress[0].comment], [0.5, 'Book scrutiny', 'Policy drafted']);
    assert.match(reportCards().map(slackTextOf).join('\n'), /Corrected by the supporter on Wed 2 Dec 2026: Changed days used \(1 to 0\.5\)/);

    harness.slack.clear();
    await harness.app.outbox.runOnce();
    const toHead = harness.slack.calls.filter((c) => c.body.channel === dmOf(HEAD));
    assert.match(toHead.map(slackTextOf).join('\n'), /Corrected by the supporter on Wed 2 Dec 2026/);
    assert.ok(!toHead.some((call) => slackButtons(call).some((b) => b.text === 'Correct this report')), 'the head is not offered it');
  });

  it('refuses the head who presses it anyway, changing nothing', async () => {
    await walk.act(HEAD, async () => harness.press(HEAD, 'visit-report.correct', { reportId: (await stored()).id }, { channel: dmOf(HEAD), ts: '1.1' }));
    assert.match(slackTextOf(walk.shown!), /Only the supporter who wrote this visit report can correct it/);
    assert.equal((await stored()).daysUsed, 0.5);
  });
});
