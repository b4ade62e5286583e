import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { computeDigest } from '../../../services/digest/compute-digest.js';
import { isoWeekOf, parseIsoWeek, previousIsoWeek } from '../../../services/digest/iso-week.js';
import { ConfigError, ValidationError } from '../../../services/errors.js';
import { openTempStore } from '../directory/temp-store.js';
import { alliance, request, seed } from './digest-fixtures.js';

const hours = (week: { start: Date; end: Date }) => (week.end.getTime() - week.start.getTime()) / 3_600_000;

describe('ISO weeks in Europe/London', () => {
  it('starts a week at midnight London time, whichever side of a clock change', () => {
    // Clocks went forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    const spring = parseIsoWeek('2026-W13');
    assert.deepEqual([spring.start.toISOString(), spring.end.toISOString(), hours(spring)], ['2026-03-23T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 167]);
    const autumn = parseIsoWeek('2026-W43');
    assert.deepEqual([autumn.start.toISOString(), autumn.end.toISOString(), hours(autumn)], ['2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z', 169]);
    assert.deepEqual([autumn.firstDay, autumn.lastDay], ['2026-10-19', '2026-10-25']);
  });

  it('names the week an instant falls in by the local calendar, not UTC', () => {
    assert.equal(isoWeekOf(new Date('2026-10-18T22:59:59Z')), '2026-W42'); // Sunday 23:59 BST
    assert.equal(isoWeekOf(new Date('2026-10-18T23:00:00Z')), '2026-W43'); // Monday 00:00 BST
    assert.equal(isoWeekOf(new Date('2026-10-25T23:59:59Z')), '2026-W43'); // Sunday 23:59 GMT
    assert.equal(isoWeekOf(new Date('2026-10-18T23:00:00Z'), 'UTC'), '2026-W42');
    assert.equal(previousIsoWeek(new Date('2026-11-30T08:00:00Z')), '2026-W48');
  });

  it('knows 53-week years and refuses weeks that do not exist', () => {
    const last = parseIsoWeek('2026-W53');
    assert.deepEqual([last.firstDay, last.lastDay], ['2026-12-28', '2027-01-03']);
    assert.equal(isoWeekOf(new Date('2027-01-03T12:00:00Z')), '2026-W53');
    assert.equal(previousIsoWeek(new Date('2027-01-04T09:00:00Z')), '2026-W53');
    for (const bad of ['2025-W53', '2026-W00', '2026-W1', '2026W48', 'next week']) assert.throws(() => parseIsoWeek(bad), ValidationError, bad);
    assert.throws(() => parseIsoWeek('2026-W48', 'Europe/Atlantis'), ConfigError);
  });

  it('counts requests into the London week they were made in across the October clock change', async () => {
    const temp = openTempStore();
    try {
      const made = (n: number, at: string) => request('bst-hub', n, 'maths', [[at, 'submitted'], [at, 'declined']]);
      await seed(temp.store, [
        alliance('bst-hub', 'BST Hub'),
        made(1, '2026-10-18T22:30:00Z'), // Sunday 23:30 BST: week 42
        made(2, '2026-10-18T23:30:00Z'), // Monday 00:30 BST: week 43
        made(3, '2026-10-25T23:30:00Z'), // Sunday 23:30 GMT, after the change: week 43
        made(4, '2026-10-26T00:00:00Z'), // Monday 00:00 GMT: week 44
      ]);
      const ctx = { store: temp.store, clock: fixedClock('2026-11-30T08:00:00Z') };
      const counts = await Promise.all(['2026-W42', '2026-W43', '2026-W44'].map(async (week) => (await computeDigest(ctx, 'bst-hub', week)).newRequests.count));
      assert.deepEqual(counts, [1, 2, 1]);
    } finally {
      await temp.close();
    }
  });
});
