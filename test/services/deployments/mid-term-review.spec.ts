import assert from 'node:assert/strict';
import { parseFormSubmission } from '../../../cards/form-definition.js';
import { createMidTermReviewForm } from '../../../cards/forms/mid-term-review.js';
import { submitMidTermReview } from '../../../services/deployments/mid-term-review.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { MidTermReviewInput } from '../../../services/domain/mid-term-review.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { listMyWork } from '../../../services/requests/list-my-work.js';
import { runServiceLevelTick } from '../../../services/service-levels/service-level-tick.js';
import { agreePlan, ALLIANCE, openWorld, outboxEvents, report, type World } from './deployment-fixtures.js';

const review = (verdict: MidTermReviewInput['verdict']): MidTermReviewInput => ({
  progress: [{ rag: 'green', comment: 'Reasoning prompts are used daily' }, { rag: verdict === 'not-working' ? 'red' : 'amber', comment: 'Lead not released for coaching' }],
  verdict,
  comment: 'Coaching time keeps being cancelled.',
});

// PLAN: 3 days, visits Mon 21 Dec, Mon 11 Jan and Mon 25 Jan. Reporting the second visit on Tue
// 12 Jan brings 2 of 3 days: the mid-term review opens, due five working days later (Tue 19 Jan).
describe('mid-term review at half the planned days', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    await agreePlan(world);
    world.clock.set('2026-12-22T10:00:00Z');
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
  });
  afterEach(async () => { await world.close(); });

  const deployment = async () => (await world.store.get<Deployment>(ALLIANCE, world.deployment.id))!;
  const reachHalfway = async () => {
    world.clock.set('2027-01-12T10:00:00Z');
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2027-01-11'));
  };
  const tickAt = async (at: string) => { world.clock.set(at); return runServiceLevelTick(world.ctx); };
  const stepsOf = async (person: World['head']) => (await listMyWork(world.ctx, person)).items[0].steps;

  it('stays closed below half the days and refuses a review until then', async () => {
    assert.equal((await deployment()).midTerm, undefined);
    assert.ok(!(await stepsOf(world.supporter)).includes('reviewMidTerm'));
    await assert.rejects(submitMidTermReview(world.ctx, world.supporter, world.deployment.id, review('on-track')), (error: unknown) =>
      error instanceof BotError && /opens once reports reach half the planned days/.test(error.message));
  });

  it('opens at half the days, asks the supporter and the head, and offers each the form in my work', async () => {
    await reachHalfway();
    assert.deepEqual((await deployment()).midTerm, { from: '2027-01-12', reviews: {} });
    const asked = (await outboxEvents(world)).filter((e) => e.kind === 'midTermReviewDue').map((e) => e.target).sort();
    assert.deepEqual(asked, [world.supporter.id, world.head.id].sort());
    assert.ok((await stepsOf(world.supporter)).includes('reviewMidTerm'));
    assert.ok((await stepsOf(world.head)).includes('reviewMidTerm'));
    assert.ok(!(await stepsOf(world.manager)).includes('reviewMidTerm'));
  });

  it('is due like the other stages: one nudge to each who has not reviewed, then an escalation naming who is left', async () => {
    await reachHalfway();
    assert.equal((await listMyWork(world.ctx, world.head)).items[0].due, 'due Tue 19 Jan');
    assert.equal((await tickAt('2027-01-19T10:00:00Z')).nudges, 0);
    await tickAt('2027-01-20T09:00:00Z');
    await tickAt('2027-01-20T15:00:00Z');
    const nudged = (await world.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox' }))
      .filter((m) => m.event.kind === 'serviceLevelNudge' && m.event.stage === 'mid-term')
      .map((m) => (m.target.kind === 'person' ? m.target.personId : 'managerChannel')).sort();
    assert.deepEqual(nudged, [world.supporter.id, world.head.id].sort());

    world.clock.set('2027-01-20T16:00:00Z');
    await submitMidTermReview(world.ctx, world.supporter, world.deployment.id, review('on-track'));
    assert.ok(!(await stepsOf(world.supporter)).includes('reviewMidTerm'), 'reviewed: the button goes');
    await tickAt('2027-01-22T09:00:00Z');
    const escalations = (await world.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox' })).filter((m) => m.event.kind === 'serviceLevelEscalation');
    assert.equal(escalations.length, 1);
    assert.deepEqual(escalations[0].event.kind === 'serviceLevelEscalation' && escalations[0].event.waitsOn, ['school']);
  });

  it('"not working" reaches the manager channel at once; each party reviews once; others may not', async () => {
    await reachHalfway();
    await assert.rejects(submitMidTermReview(world.ctx, world.otherHead, world.deployment.id, review('on-track')), ForbiddenError);
    await assert.rejects(submitMidTermReview(world.ctx, world.manager, world.deployment.id, review('on-track')), ForbiddenError);
    await assert.rejects(submitMidTermReview(world.ctx, world.head, world.deployment.id, { ...review('on-track'), progress: review('on-track').progress.slice(0, 1) }), ValidationError);

    const first = await submitMidTermReview(world.ctx, world.head, world.deployment.id, review('not-working'));
    assert.equal(first.alreadyReceived, false);
    assert.equal(first.deployment.midTerm?.reviews.school?.verdict, 'not-working');
    assert.equal(first.deployment.history.at(-1)?.note, 'school: Not working');
    assert.deepEqual((await outboxEvents(world)).filter((e) => e.kind === 'midTermNotWorking'), [{ kind: 'midTermNotWorking', target: 'managerChannel' }]);
    const again = await submitMidTermReview(world.ctx, world.head, world.deployment.id, review('on-track'));
    assert.equal(again.alreadyReceived, true);
    assert.equal((await deployment()).midTerm?.reviews.school?.verdict, 'not-working', 'the first review stands');
  });

  it('one form for both channels: answers map onto the service input, problems land under their fields', () => {
    const form = createMidTermReviewForm({ objectives: ['Improve KS2 reasoning in maths', 'Coach the maths lead'] });
    const parsed = parseFormSubmission(form, { rag1: 'green', comment1: 'Good', rag2: 'amber', comment2: 'Slow', verdict: 'some-concerns', comment: 'Release time' });
    assert.deepEqual(parsed, { ok: true, value: { progress: [{ rag: 'green', comment: 'Good' }, { rag: 'amber', comment: 'Slow' }], verdict: 'some-concerns', comment: 'Release time' } });
    const missing = parseFormSubmission(form, { rag1: 'green', comment1: 'Good', comment2: 'Slow', comment: 'Release time' });
    assert.equal(missing.ok, false);
    assert.deepEqual(!missing.ok && missing.problems.map((p) => p.field).sort(), ['rag2', 'verdict']);
  });
});
