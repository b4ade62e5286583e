import { strict as assert } from 'node:assert';
import { summariseWorkloads, summariseWorkloadsUntil, workloadWindowStart } from '../../../services/matching/workload.js';
import { deployment } from './matching-fixtures.js';

describe('summariseWorkloads', () => {
  // The 2025/26 academic year began on 1 September 2025; the recent window starts on 15 December 2025.
  const now = new Date('2026-03-15T12:00:00.000Z');

  it('counts committed days this academic year, recent deployments, and ratings from any year', () => {
    const workloads = summariseWorkloads([
      deployment('ann', 'planned', '2025-10-01T09:00:00.000Z', 3),
      deployment('ann', 'active', '2026-02-01T09:00:00.000Z', 2),
      deployment('ann', 'declined', '2026-02-10T09:00:00.000Z', 5),
      deployment('ann', 'cancelled', '2026-03-01T09:00:00.000Z', 4),
      deployment('ann', 'evaluated', '2025-05-01T09:00:00.000Z', 4, 4),
      deployment('ann', 'completed', '2025-06-01T09:00:00.000Z', 2, 3),
      deployment('bob', 'proposed', '2025-12-20T09:00:00.000Z', 1),
    ], now);
    assert.deepEqual(workloads.get('ann'), { daysCommitted: 5, recentDeployments: 1, ratingCount: 2, ratingAverage: 3.5 });
    assert.deepEqual(workloads.get('bob'), { daysCommitted: 1, recentDeployments: 1, ratingCount: 0 });
    assert.equal(workloads.get('cat'), undefined);
  });

  it('counts last summer as recent work but not as this year’s days', () => {
    const early = new Date('2025-09-10T12:00:00.000Z');
    const workloads = summariseWorkloads([deployment('ann', 'active', '2025-08-01T09:00:00.000Z', 3)], early);
    assert.deepEqual(workloads.get('ann'), { daysCommitted: 0, recentDeployments: 1, ratingCount: 0 });
  });

  it('holds until the year ends, a recent deployment leaves the window or a later-dated one enters it', () => {
    const at = (iso: string) => new Date(iso).getTime();
    assert.equal(summariseWorkloadsUntil([deployment('ann', 'evaluated', '2025-05-01T09:00:00.000Z', 4, 4)], now).validUntil, at('2026-09-01T00:00:00.000Z'));
    const recent = summariseWorkloadsUntil([
      deployment('ann', 'active', '2026-02-01T09:00:00.000Z', 2),
      deployment('bob', 'planned', '2026-01-10T09:00:00.000Z', 1),
      deployment('cat', 'declined', '2025-12-20T09:00:00.000Z', 1),
    ], now);
    // 90 days after 10 January, bob's deployment is no longer recent; cat's declined one never counted.
    assert.equal(recent.validUntil, at('2026-04-10T09:00:00.001Z'));
    const bob = [deployment('bob', 'planned', '2026-01-10T09:00:00.000Z', 1)];
    assert.equal(summariseWorkloads(bob, new Date(recent.validUntil - 1)).get('bob')?.recentDeployments, 1);
    assert.equal(summariseWorkloads(bob, new Date(recent.validUntil)).get('bob')?.recentDeployments, 0);
    assert.equal(summariseWorkloadsUntil([deployment('ann', 'proposed', '2026-03-20T09:00:00.000Z', 1)], now).validUntil, at('2026-03-20T09:00:00.000Z'));
  });

  it('reads from the earlier of the academic year start and the recent window', () => {
    assert.equal(workloadWindowStart(now).toISOString(), '2025-09-01T00:00:00.000Z');
    assert.equal(workloadWindowStart(new Date('2025-09-10T12:00:00.000Z')).toISOString(), '2025-06-12T12:00:00.000Z');
  });
});
