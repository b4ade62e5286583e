import assert from 'node:assert/strict';
import { fixedClock } from '../../../services/clock.js';
import { confirmPlan } from '../../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../../services/deployments/submit-plan.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { addAlliance } from '../../../services/directory/alliances.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { computeDigest } from '../../../services/digest/compute-digest.js';
import { listDueItems } from '../../../services/service-levels/alliance-due.js';
import { setServiceLevels } from '../../../services/service-levels/set-service-levels.js';
import { withDueFields } from '../../../services/service-levels/record-due.js';
import { runServiceLevelTick } from '../../../services/service-levels/service-level-tick.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { Stored } from '../../../services/store/document-store.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { agreePlan, ALLIANCE, report, seedWorld, type Parties } from '../deployments/deployment-fixtures.js';

// Around Christmas 2026: Fri 25 Dec and Mon 28 Dec (Boxing Day's substitute) and Fri 1 Jan 2027 are
// bank holidays in England; 26–27 Dec and 2–3 Jan are weekends.
for (const kind of SHARED_STORE_KINDS) {
  describe(`service-level tick (${kind.name})`, function () {
    this.timeout(20_000);
    let shared: SharedStore;
    let world: Parties;
    const clock = fixedClock('2026-12-23T10:00:00Z');

    beforeEach(async () => {
      shared = await kind.open();
      clock.set('2026-12-23T10:00:00Z');
      const ctx: ServiceContext = { store: await shared.connect(), clock };
      await addAlliance(ctx.store, clock, { id: ALLIANCE, name: 'Test Hub' });
      world = await seedWorld(ctx, 'accepted');
    });
    afterEach(async () => { await shared.close(); });

    /** Runs one tick at `at` on `ctx` (another instance's connection when given). */
    const tickAt = async (at: string, ctx: ServiceContext = world.ctx) => runServiceLevelTick(ctx, new Date(at));
    const outbox = async () => (await world.ctx.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox', orderBy: [{ field: 'createdAt' }] }))
      .map((m) => ({ kind: m.event.kind, to: m.target.kind === 'person' ? m.target.personId : 'managerChannel', ...('stage' in m.event ? { stage: m.event.stage } : {}) }));
    /** The deployment as an approval stores it: proposed on Wed 23 Dec, so its answer is due Wed 30 Dec. */
    const proposeOn23Dec = async () => {
      const at = '2026-12-23T10:00:00.000Z';
      const current = (await world.ctx.store.get<Stored<typeof world.deployment>>(ALLIANCE, world.deployment.id))!;
      const next = await withDueFields(world.ctx, { ...current, status: 'proposed' as const, proposedAt: at, history: [{ at, by: world.manager.id, action: 'status', to: 'proposed' }] });
      world.deployment = await world.ctx.store.replace(next, current._etag);
    };

    it('nudges the supporter once after the due date and escalates once, skipping the weekend and bank holidays, across instances and a restart', async () => {
      await proposeOn23Dec();
      assert.equal(world.deployment.dueOn, '2026-12-30');
      assert.equal(world.deployment.checkOn, '2026-12-31');

      assert.equal((await tickAt('2026-12-29T10:00:00Z')).looked, 0);
      assert.equal((await tickAt('2026-12-30T16:00:00Z')).nudges, 0);
      assert.deepEqual(await outbox(), []);

      assert.equal((await tickAt('2026-12-31T09:00:00Z')).nudges, 1);
      await tickAt('2026-12-31T15:00:00Z');
      const second: ServiceContext = { store: await shared.connect(), clock };
      await Promise.all([tickAt('2026-12-31T16:00:00Z'), tickAt('2026-12-31T16:00:00Z', second)]);
      assert.deepEqual(await outbox(), [{ kind: 'serviceLevelNudge', to: world.supporter.id, stage: 'answer' }]);

      // Fri 1 Jan is a bank holiday, then a weekend; escalation waits for the second working day after the nudge.
      for (const at of ['2027-01-01T10:00:00Z', '2027-01-02T10:00:00Z', '2027-01-04T10:00:00Z']) assert.equal((await tickAt(at)).escalations, 0);
      const restarted: ServiceContext = { store: await shared.connect(), clock };
      const [first, racing] = await Promise.all([tickAt('2027-01-05T09:00:00Z', restarted), tickAt('2027-01-05T09:00:00Z', second)]);
      assert.equal(first.escalations + racing.escalations >= 1, true);
      await tickAt('2027-01-05T12:00:00Z');
      assert.deepEqual(await outbox(), [
        { kind: 'serviceLevelNudge', to: world.supporter.id, stage: 'answer' },
        { kind: 'serviceLevelEscalation', to: 'managerChannel', stage: 'answer' },
      ]);
      // Nothing left to do: the record is no longer read.
      assert.equal((await tickAt('2027-01-06T10:00:00Z')).looked, 0);
    });

    it('dates open items again when the manager shortens a stage', async () => {
      await proposeOn23Dec();
      // One working day from Wed 23 Dec is Thu 24 Dec; the nudge comes on Tue 29 (after Christmas and Boxing Day).
      await setServiceLevels(world.ctx, ALLIANCE, { stage: 'answer', days: 1 });
      assert.equal((await tickAt('2026-12-29T09:00:00Z')).nudges, 1);
    });

    it("lists what slips in the digest's slipping section and for the manager workspace", async () => {
      await proposeOn23Dec();
      clock.set('2027-01-11T08:00:00Z');
      const digest = await computeDigest(world.ctx, ALLIANCE, '2027-W01');
      // As of the week's end (midnight into Mon 11 Jan), the answer due Wed 30 Dec is 12 days late.
      assert.deepEqual(digest.slipping, {
        count: 1,
        byStage: [{ label: "supporter's answer to a proposal", count: 1 }],
        oldest: [{ reference: 'S2S-2026-0001', what: "supporter's answer to a proposal", dueDate: '2026-12-30', late: '12 days overdue' }],
      });
      const due = await listDueItems(world.ctx, ALLIANCE, '2026-12-29');
      assert.deepEqual(due, [], 'nothing is due by the 29th');
    });

    it('sends nothing outside working hours', async () => {
      await proposeOn23Dec();
      assert.equal((await tickAt('2026-12-31T06:00:00Z')).looked, 0);
      assert.equal((await tickAt('2026-12-31T19:00:00Z')).looked, 0);
    });

    it('nudges about an unreported visit once and not about a reported one', async () => {
      // The plan's first visit is Mon 21 Dec: its report is due Wed 30 Dec, the second (11 Jan) not yet.
      await agreePlan(world);
      await tickAt('2026-12-31T09:00:00Z');
      await tickAt('2027-01-04T09:00:00Z');
      assert.deepEqual((await outbox()).filter((m) => m.kind === 'visitReportOverdue'), [{ kind: 'visitReportOverdue', to: world.supporter.id }]);
      clock.set('2027-01-05T08:30:00Z');
      await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
      assert.equal((await tickAt('2027-01-05T09:00:00Z')).escalations, 0);
      assert.equal((await outbox()).filter((m) => m.kind === 'serviceLevelEscalation').length, 0);
    });

    it('waits on the school alone once the other parties confirmed the plan', async () => {
      clock.set('2026-12-23T10:00:00Z');
      await submitPlan(world.ctx, world.supporter, world.deployment.id, { objectives: [{ objective: 'o', successCriteria: 's', impactMeasure: 'i' }], days: 1, visitDates: ['2027-01-20'] });
      await confirmPlan(world.ctx, world.supporter, world.deployment.id);
      await confirmPlan(world.ctx, world.manager, world.deployment.id);
      // Submitted Wed 23 Dec: due on the fifth working day, Mon 4 Jan; nudged the day after.
      assert.equal((await tickAt('2027-01-04T09:00:00Z')).nudges, 0);
      await tickAt('2027-01-05T09:00:00Z');
      assert.deepEqual((await outbox()).filter((m) => m.kind === 'serviceLevelNudge'), [{ kind: 'serviceLevelNudge', to: world.head.id, stage: 'plan-confirm' }]);
    });
  });
}
