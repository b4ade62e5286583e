import assert from 'node:assert/strict';
import { buildMyWorkCard } from '../../../bot/views/my-work-card.js';
import { buildPlanCard } from '../../../bot/views/plan-card.js';
import { completeDeployment } from '../../../services/deployments/complete-deployment.js';
import { deploymentDays, reportsByDeployment } from '../../../services/deployments/deployment-days.js';
import { summariseFinance } from '../../../services/deployments/finance-export.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { computeDigest } from '../../../services/digest/compute-digest.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import { listMyWork } from '../../../services/requests/list-my-work.js';
import { agreePlan, ALLIANCE, openWorld, PLAN, report, type World } from './deployment-fixtures.js';

const SIX_DAYS = { ...PLAN, days: 6, visitDates: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-14', '2026-12-15', '2026-12-16'] };

describe('days committed and delivered: one count', () => {
  it('counts planned days as committed while under way, and only delivered days once ended', () => {
    const base = { dayRate: 250, daysCommitted: 6, plan: { ...SIX_DAYS, dayRate: 350, cost: 2100, version: 1, status: 'confirmed' as const, submittedBy: 'p', submittedAt: '', confirmations: {} } };
    const oneDay = [{ daysUsed: 1 }];
    assert.deepEqual(deploymentDays({ ...base, status: 'active' }, oneDay), { committed: 6, delivered: 1, dayRate: 350, committedCost: 2100, deliveredCost: 350 });
    assert.deepEqual(deploymentDays({ ...base, status: 'completed' }, oneDay), { committed: 1, delivered: 1, dayRate: 350, committedCost: 350, deliveredCost: 350 });
    assert.deepEqual(deploymentDays({ ...base, status: 'cancelled' }, []), { committed: 0, delivered: 0, dayRate: 350, committedCost: 0, deliveredCost: 0 });
    // Before a plan is agreed nothing is committed; without a plan the match-time rate stands.
    assert.deepEqual(deploymentDays({ dayRate: 250, daysCommitted: 3, status: 'accepted' }, []), { committed: 0, delivered: 0, dayRate: 250, committedCost: 0, deliveredCost: 0 });
    assert.equal(deploymentDays({ ...base, status: 'active' }, [{ daysUsed: 0.5 }, { daysUsed: 0.5 }]).deliveredCost, 350);
  });

  describe('a deployment that used 1 of 6 days and was completed early', () => {
    let world: World;
    before(async () => {
      world = await openWorld('accepted', '2026-12-01T09:00:00Z');
      await agreePlan(world, SIX_DAYS);
      world.clock.set('2026-12-08T09:00:00Z');
      await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-07'));
    });
    after(() => world.close());
    const deployment = async () => (await world.store.get<Deployment>(ALLIANCE, world.deployment.id))!;

    it('is 6 days committed and 1 delivered while under way, in "my work" and the digest alike', async () => {
      const [item] = (await listMyWork(world.ctx, world.head)).items;
      assert.deepEqual([item.days.committed, item.days.delivered, item.days.deliveredCost], [6, 1, 250]);
      const digest = await computeDigest(world.ctx, ALLIANCE, '2026-W50');
      assert.deepEqual([digest.term.committed, digest.term.delivered], [{ days: 6, cost: 1500 }, { days: 1, cost: 250 }]);
    });

    it('is 1 day and £250 everywhere once the manager completes it: my work, the plan card, the digest and finance', async () => {
      await completeDeployment(world.ctx, world.manager, world.deployment.id);
      world.clock.set('2026-12-21T09:00:00Z');
      const reports = (await reportsByDeployment(world.ctx, ALLIANCE, { deploymentIds: [world.deployment.id] })).get(world.deployment.id) ?? [];
      const days = deploymentDays(await deployment(), reports);
      assert.deepEqual(days, { committed: 1, delivered: 1, dayRate: 250, committedCost: 250, deliveredCost: 250 });

      const work = await listMyWork(world.ctx, world.head);
      assert.deepEqual(work.items[0].days, days);
      assert.match(JSON.stringify(buildMyWorkCard(work)), /Delivered: 1 of 6 days, £250/);
      const planCard = JSON.stringify(buildPlanCard(await deployment(), undefined, { days }));
      assert.match(planCard, /"Delivered","value":"1 of 6 days, £250"/);
      assert.match(planCard, /"Cancelled","value":"Tue 8 Dec 2026, Wed 9 Dec 2026, Mon 14 Dec 2026, Tue 15 Dec 2026, Wed 16 Dec 2026 \(not made\)"/, 'the plan shows the visits completion cancelled');

      const digest = await computeDigest(world.ctx, ALLIANCE, '2026-W51');
      assert.deepEqual([digest.term.committed, digest.term.delivered], [{ days: 1, cost: 250 }, { days: 1, cost: 250 }], 'not the 6 days (£1,500) it was planned for');
      const finance = await summariseFinance(world.ctx, ALLIANCE, { from: '2026-12-01', to: '2026-12-31' });
      assert.deepEqual([finance.total.days, finance.total.amount], [1, 250]);
    });
  });
});
