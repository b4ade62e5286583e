import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { englandDate } from '../../../services/clock.js';

describe("englandDate: today's date on the schools' calendar", () => {
  it('follows British Summer Time on both sides of the clock changes and at midnight', () => {
    assert.equal(englandDate(new Date('2026-03-29T00:30:00Z')), '2026-03-29'); // GMT, half an hour before clocks go forward
    assert.equal(englandDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01'); // BST: already July in England
    assert.equal(englandDate(new Date('2026-10-24T23:00:00Z')), '2026-10-25'); // BST until 01:00 UTC on the 25th
    assert.equal(englandDate(new Date('2026-10-25T23:30:00Z')), '2026-10-25'); // GMT again
    assert.equal(englandDate(new Date('2026-12-31T23:59:59Z')), '2026-12-31');
    assert.equal(englandDate(new Date('2027-01-01T00:00:00Z')), '2027-01-01');
  });

  it('agrees with a zoned calendar (luxon) on every hour of three years', () => {
    for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2028, 0, 1); at += 3_600_000 + 61_000) {
      const expected = DateTime.fromMillis(at, { zone: 'Europe/London' }).toISODate();
      assert.equal(englandDate(new Date(at)), expected, new Date(at).toISOString());
    }
  });
});
