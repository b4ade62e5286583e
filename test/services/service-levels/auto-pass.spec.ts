import assert from 'node:assert/strict';
import { fixedClock } from '../../../services/clock.js';
import { addAlliance } from '../../../services/directory/alliances.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { deploymentIdFor } from '../../../services/requests/decide-request.js';
import { runServiceLevelTick } from '../../../services/service-levels/service-level-tick.js';
import { setServiceLevels } from '../../../services/service-levels/set-service-levels.js';
import type { ServiceContext } from '../../../services/service-context.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { ALLIANCE, seedWorld, type Parties } from '../deployments/deployment-fixtures.js';
import { addRunnerUp, dateProposal, told } from './pass-fixtures.js';

const sorted = <T>(items: T[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// The proposal is made on Fri 20 Nov 2026: its answer is due Wed 25 Nov, the supporter is nudged on
// Thu 26 Nov and, two working days on (over the weekend), it is escalated on Mon 30 Nov.
for (const kind of SHARED_STORE_KINDS) {
  describe(`auto-pass of an unanswered proposal (${kind.name})`, function () {
    this.timeout(20_000);
    let shared: SharedStore;
    let world: Parties;
    const clock = fixedClock('2026-11-20T10:00:00Z');

    beforeEach(async () => {
      shared = await kind.open();
      clock.set('2026-11-20T10:00:00Z');
      const ctx: ServiceContext = { store: await shared.connect(), clock };
      await addAlliance(ctx.store, clock, { id: ALLIANCE, name: 'Test Hub' });
      world = await seedWorld(ctx, 'proposed');
      await dateProposal(world);
    });
    afterEach(async () => { await shared.close(); });

    const tickAt = async (at: string, ctx: ServiceContext = world.ctx) => { clock.set(at); return runServiceLevelTick(ctx, new Date(at)); };
    const read = async <T>(id: string) => (await world.ctx.store.get<T & { id: string; allianceId: string; type: string }>(ALLIANCE, id))!;

    it('is off by default: the unanswered proposal is escalated, not passed', async () => {
      await addRunnerUp(world);
      await tickAt('2026-11-26T09:00:00Z');
      const escalation = await tickAt('2026-11-30T09:00:00Z');
      assert.deepEqual([escalation.escalations, escalation.passes], [1, 0]);
      assert.equal((await read<Deployment>(world.deployment.id)).status, 'proposed');
    });

    it('passes it to the next candidate once, across two instances: the first withdrawn politely, the second proposed, each told, one history entry per step', async () => {
      const runnerUp = await addRunnerUp(world);
      await setServiceLevels(world.ctx, ALLIANCE, { autoPass: true });
      assert.equal((await tickAt('2026-11-26T09:00:00Z')).nudges, 1);
      assert.equal((await tickAt('2026-11-27T09:00:00Z')).passes, 0);

      const second: ServiceContext = { store: await shared.connect(), clock };
      const ticks = await Promise.all([tickAt('2026-11-30T09:00:00Z'), tickAt('2026-11-30T09:00:00Z', second)]);
      assert.equal(ticks[0].passes + ticks[1].passes, 1);
      assert.deepEqual([...ticks[0].errors, ...ticks[1].errors], []);
      await tickAt('2026-11-30T15:00:00Z');

      const withdrawn = await read<Deployment>(world.deployment.id);
      assert.equal(withdrawn.status, 'cancelled');
      const cancelled = withdrawn.history.filter((entry) => entry.to === 'cancelled');
      assert.equal(cancelled.length, 1);
      assert.equal(cancelled[0].by, 'service-levels');
      assert.equal(cancelled[0].note, 'not answered within 6 working days, after a reminder');

      const request = await read<SupportRequest>(world.request.id);
      assert.equal(request.status, 'proposed');
      assert.equal(request.matchedSupporterId, runnerUp.id);
      assert.deepEqual(request.excludedCandidateIds, [world.supporter.id]);
      const passed = request.history.filter((entry) => entry.action === 'proposal-passed');
      assert.deepEqual(passed.map((entry) => ({ by: entry.by, note: entry.note })), [
        { by: 'service-levels', note: 'not answered within 6 working days, after a reminder; proposed to Pia Second' },
      ]);

      const next = await read<Deployment>(deploymentIdFor(world.request.id, runnerUp.id));
      assert.equal(next.status, 'proposed');
      assert.deepEqual(next.history.map((entry) => [entry.by, entry.to]), [['service-levels', 'proposed']]);
      // Its own answer is due three working days from Mon 30 Nov.
      assert.equal(next.dueOn, '2026-12-03');

      assert.deepEqual(sorted(await told(world)), sorted([
        { kind: 'serviceLevelNudge', to: world.supporter.id },
        { kind: 'proposalWithdrawn', to: world.supporter.id },
        { kind: 'requestCardUpdate', to: 'managerChannel' },
        { kind: 'proposalPassed', to: 'managerChannel' },
        { kind: 'requestMatched', to: world.head.id },
        { kind: 'deploymentProposed', to: runnerUp.id },
      ]));
    });

    it('sends the request back to matching and tells the managers when there is no other candidate', async () => {
      await setServiceLevels(world.ctx, ALLIANCE, { autoPass: true });
      await tickAt('2026-11-26T09:00:00Z');
      assert.equal((await tickAt('2026-11-30T09:00:00Z')).passes, 1);
      const request = await read<SupportRequest>(world.request.id);
      assert.equal(request.status, 'matching');
      assert.equal(request.matchedSupporterId, undefined);
      assert.deepEqual(request.excludedCandidateIds, [world.supporter.id]);
      assert.equal(request.history.at(-1)?.note, 'not answered within 6 working days, after a reminder');
      const news = (await told(world)).filter((m) => m.kind !== 'serviceLevelNudge');
      assert.deepEqual(sorted(news), sorted([
        { kind: 'proposalWithdrawn', to: world.supporter.id },
        { kind: 'requestCardUpdate', to: 'managerChannel' },
        { kind: 'proposalPassed', to: 'managerChannel' },
      ]));
    });
  });
}
