import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fixedClock } from '../../../services/clock.js';
import { ValidationError } from '../../../services/errors.js';
import { impactCsv } from '../../../services/reports/impact-csv.js';
import { defaultImpactPeriod, summariseImpact } from '../../../services/reports/impact.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { reportAlliance } from '../../helpers/report-fixtures.js';

describe('impact of evaluated support', () => {
  let dir: string;
  let store: SqliteStore;
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const ctx = () => ({ store, clock });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-impact-'));
    store = new SqliteStore(join(dir, 'store.db'));
    await store.upsertAll(reportAlliance('report-hub'));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('averages the ratings, days and cost of the period, by specialism, term and supporter', async () => {
    const period = defaultImpactPeriod(clock.now());
    assert.deepEqual(period, { from: '2025-09-01', to: '2026-11-23' });
    const report = await summariseImpact(ctx(), 'report-hub', period);
    assert.equal(report.total.evaluations, 2, 'the 2024 evaluation is outside the period');
    assert.equal(report.total.averageObjectiveRating, 2.75);
    assert.equal(report.total.averageEffectiveness, 3);
    assert.equal(report.total.days, 3.5);
    assert.equal(report.total.cost, 1325, "2 days at £250 and 1.5 at the plan's £550");
    assert.deepEqual(report.total.rag, { improved: 1, unchanged: 0, worse: 0 }, 'red and amber moved to green; one report is no movement');
    assert.deepEqual(report.byTerm.map((t) => [t.key, t.evaluations]), [['Spring term 2026', 1], ['Autumn term 2026', 1]]);
    assert.deepEqual(report.bySpecialism.map((s) => [s.key, s.averageEffectiveness]), [['english', 2], ['maths', 4]]);
    assert.deepEqual(report.bySupporter.map((s) => [s.name, s.averageEffectiveness]), [['Sam Rivers', 4], ['Alex Moss', 2]]);
  });

  it('writes one CSV row per evaluated deployment', async () => {
    const report = await summariseImpact(ctx(), 'report-hub', { from: '2026-09-01', to: '2026-11-23' });
    const rows = parse(impactCsv(report), { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0], {
      reference: 'S2S-2026-0020', evaluated_on: '2026-10-05', term: 'Autumn term 2026', specialisms: 'maths', phase: 'primary', local_authority: 'Walsall',
      supporter: 'Sam Rivers', designation: 'SLE', objective_ratings: '3;4', average_objective_rating: '3.50', effectiveness: '4',
      rag_first_visit: 'red;amber', rag_last_visit: 'green;green', rag_movement: 'improved', days: '2', cost: '500.00',
    });
  });

  it('refuses a period that ends before it starts', async () => {
    await assert.rejects(summariseImpact(ctx(), 'report-hub', { from: '2026-11-23', to: '2026-09-01' }), ValidationError);
  });
});
