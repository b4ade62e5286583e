import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { agreeDemoPlan, type DemoDeployment } from '../../helpers/demo-deployment.js';
import { slackTextOf } from '../../helpers/fake-slack-api.js';
import { dmOf, SlackHarness } from '../../helpers/slack-harness.js';
import { SlackWalker } from '../../helpers/slack-walker.js';

const HEAD = DEMO_IDENTITIES.head.slackUserId;
const SUPPORTER = DEMO_IDENTITIES.supporter.slackUserId;

/**
 * Issue 14's forms over signed Slack requests, each found in "my requests" / "my deployments": the
 * supporter reports the first of two days, both parties give the mid-term review it opens, and the
 * head checks the report. The same form definitions and schemas as in Teams, as modals.
 */
describe('Slack: mid-term review and checking a visit report, from my work', function () {
  this.timeout(90_000);
  const harness = new SlackHarness();
  const walk = new SlackWalker(harness);
  let demo: DemoDeployment;
  before(async () => {
    await harness.start();
    demo = await agreeDemoPlan(harness.app.store, harness.clock);
    harness.clock.set('2026-12-02T10:00:00Z');
  });
  after(() => harness.stop());
  const deployment = async () => (await harness.app.store.get<Deployment>(DEMO_ALLIANCE_ID, demo.deploymentId))!;

  it('the supporter reports the first day; the review opens for both parties, and a missing verdict stays in the modal', async () => {
    await walk.fromMyWork(SUPPORTER, 'Report a visit', {
      visitDate: '2026-12-01', rag1: 'amber', comment1: 'Policy drafted', activities: 'Book scrutiny', nextSteps: 'Staff meeting', daysUsed: '1', noPupilData: 'true',
    });
    assert.ok((await deployment()).midTerm, 'half the days reported opens the review');

    await walk.fromMyWork(SUPPORTER, 'Mid-term review', { rag1: 'red', comment1: 'No release time for the lead', verdict: 'not-working', comment: 'Coaching keeps being cancelled.' }, { verdict: '' });
    assert.equal((await deployment()).midTerm?.reviews.supporter?.verdict, 'not-working');
    await walk.fromMyWork(HEAD, 'Mid-term review', { rag1: 'amber', comment1: 'Policy agreed, not yet in books', verdict: 'on-track', comment: 'Going well.' });
    assert.equal((await deployment()).midTerm?.reviews.school?.verdict, 'on-track');
    await walk.say(HEAD, 'my requests');
    assert.doesNotMatch(JSON.stringify(walk.shown?.body), /"Mid-term review"/, 'a review given has no button left');
  });

  it('the head checks the report from my requests: "needs correction" asks what, and the supporter is told', async () => {
    await walk.fromMyWork(HEAD, 'Check visit reports', { check: 'needs-correction', note: 'The visit was on Tuesday, not Monday.' }, { note: '' });
    const [report] = await harness.app.store.query<VisitReport>(DEMO_ALLIANCE_ID, { type: 'visitReport' });
    assert.deepEqual([report.confirmation?.check, report.confirmation?.note], ['needs-correction', 'The visit was on Tuesday, not Monday.']);
    harness.slack.clear();
    await harness.app.outbox.runOnce();
    const toPriya = harness.slack.calls.filter((c) => c.body.channel === dmOf(SUPPORTER)).map(slackTextOf).join('\n');
    assert.match(toPriya, /Correction asked: S2S-2026-0001, visit of Tue 1 Dec 2026/);
    assert.match(toPriya, /The visit was on Tuesday, not Monday\./);
  });
});
