import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../services/clock.js';
import { capacityAndNeed, sortCapacityRows } from '../../../services/reports/capacity-and-need.js';
import { fairness } from '../../../services/reports/fairness.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { reportAlliance } from '../../helpers/report-fixtures.js';

describe('capacity and need', () => {
  let dir: string;
  let store: SqliteStore;
  const clock = fixedClock('2026-11-23T10:00:00.000Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-capacity-'));
    store = new SqliteStore(join(dir, 'store.db'));
    await store.upsertAll(reportAlliance('report-hub'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compares spare days with the days waiting requests ask for, cold spots first', async () => {
    const report = await capacityAndNeed({ store, clock }, 'report-hub');
    assert.equal(report.termName, 'Autumn term 2026');
    const [first, second, third] = report.rows;
    assert.deepEqual(first, {
      specialism: 'science', phase: 'secondary', supporters: 0, spareDays: 0, waitingRequests: 1, daysAsked: 3,
      requestsThisTerm: 1, requestsLast12Months: 1, shortfall: 3,
    });
    // Sam's 10 days less 4 committed this year, and Alex's 5 (all-through counts for primary).
    assert.deepEqual(second, {
      specialism: 'maths', phase: 'primary', supporters: 2, spareDays: 11, waitingRequests: 2, daysAsked: 12,
      requestsThisTerm: 3, requestsLast12Months: 4, shortfall: 1,
    });
    assert.equal(third!.specialism, 'english');
    assert.equal(third!.shortfall, 0);
    assert.equal(third!.requestsLast12Months, 2);
    const phonics = report.rows.find((r) => r.specialism === 'phonics' && r.phase === 'primary');
    assert.deepEqual([phonics?.supporters, phonics?.spareDays], [1, 0]);
    assert.equal(report.rows.some((r) => r.specialism === 'science' && r.phase === 'primary'), false, 'nobody offers or asks for it');
  });

  it("counts only one local authority's need when asked, against the whole alliance's supply", async () => {
    const walsall = await capacityAndNeed({ store, clock }, 'report-hub', { localAuthority: 'Walsall' });
    assert.deepEqual(walsall.localAuthorities, ['Dudley', 'Walsall']);
    assert.equal(walsall.rows.filter((r) => r.shortfall > 0).length, 0, "Walsall's schools have nothing waiting");
    const maths = walsall.rows.find((r) => r.specialism === 'maths' && r.phase === 'primary');
    assert.deepEqual([maths?.spareDays, maths?.requestsThisTerm, maths?.requestsLast12Months], [11, 1, 1]);
    const dudley = await capacityAndNeed({ store, clock }, 'report-hub', { localAuthority: 'Dudley' });
    assert.equal(dudley.rows[0]!.specialism, 'science');
  });

  it('sorts by any column, figures largest first and names in list order', async () => {
    const { rows } = await capacityAndNeed({ store, clock }, 'report-hub');
    assert.equal(sortCapacityRows(rows, 'spareDays')[0]!.spareDays, 11);
    assert.deepEqual(sortCapacityRows(rows, 'specialism').map((r) => r.specialism).slice(0, 3), ['english', 'english', 'english']);
    assert.equal(sortCapacityRows(rows, 'requestsLast12Months')[0]!.specialism, 'maths');
  });

  it('shows who gives the days this academic year, per supporter and per base school', async () => {
    const shares = await fairness({ store, clock }, 'report-hub');
    assert.equal(shares.yearLabel, '2026/27');
    assert.deepEqual(shares.supporters.map((s) => [s.name, s.daysGiven, s.daysOffered]), [['Sam Rivers', 4, 10], ['Alex Moss', 0, 5], ['Pat Lee', 0, 0]]);
    assert.deepEqual(shares.baseSchools, [{ urn: '100003', name: 'Elm Primary', supporters: 3, daysOffered: 15, daysGiven: 4 }]);
  });

  it('answers with no rows for an alliance with no supporters and no requests', async () => {
    const report = await capacityAndNeed({ store, clock }, 'empty-hub');
    assert.deepEqual(report.rows, []);
  });
});
