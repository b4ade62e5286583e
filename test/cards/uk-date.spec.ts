import assert from 'node:assert/strict';
import { readUkDate, readUkDates, showUkTime } from '../../cards/uk-date.js';
import { showDate } from '../../services/domain/show-date.js';
import { isoDate } from '../../services/domain/input-fields.js';

describe('dates as people write and read them', () => {
  it('reads British dates, with or without the year', () => {
    assert.deepEqual(readUkDates('7/12/2026, 14 Dec 2026; Mon 4 January 2027\n11 Jan', '2026-12-03'), ['2026-12-07', '2026-12-14', '2027-01-04', '2027-01-11']);
  });

  it('passes a day that does not exist on as a date, so the answer says so rather than asking for the format', () => {
    const read = readUkDate('31/11/2026', '2026-12-03');
    assert.equal(read, '2026-11-31');
    const checked = isoDate().safeParse(read);
    assert.equal(checked.success, false);
    assert.match(checked.error!.issues[0].message, /That date does not exist/);
    assert.match(isoDate().safeParse(readUkDate('next week', '2026-12-03')).error!.issues[0].message, /like 14\/12\/2026/);
  });

  it('shows dates and times the British way, in UK time', () => {
    assert.equal(showDate('2026-12-14'), 'Mon 14 Dec 2026');
    assert.equal(showUkTime('2026-07-01T09:05:00Z'), '1 Jul, 10:05', 'British Summer Time');
    assert.equal(showUkTime('2026-12-01T09:05:00Z'), '1 Dec, 09:05');
  });
});
