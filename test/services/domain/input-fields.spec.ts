import { strict as assert } from 'node:assert';
import { englandDate } from '../../../services/clock.js';
import { dayCount, isoDate, requiredText } from '../../../services/domain/input-fields.js';

describe('input fields', () => {
  it('englandDate gives the date on the calendar in England, not in UTC', () => {
    // 23:30 UTC in British Summer Time is already the next day in England.
    assert.equal(englandDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    // In winter England is on UTC.
    assert.equal(englandDate(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
  });

  it('isoDate rejects impossible calendar dates and dates before notBefore', () => {
    const schema = isoDate({ notBefore: '2026-11-23' });
    assert.equal(schema.safeParse('2026-02-30').error?.issues[0].message, 'That date does not exist; please check the day and month.');
    assert.equal(schema.safeParse('next week').error?.issues[0].message, 'Please write the date like 14/12/2026.');
    assert.equal(schema.safeParse('2026-11-22').error?.issues[0].message, 'Please choose today or a later date.');
    assert.equal(schema.safeParse('2026-11-23').success, true);
  });

  it('requiredText says how many characters were written, and blank is unanswered', () => {
    const schema = requiredText({ min: 5, max: 8 });
    assert.equal(schema.safeParse('abc').error?.issues[0].message, 'Please write at least 5 characters (you wrote 3).');
    assert.equal(schema.safeParse('abcdefghij').error?.issues[0].message, 'Please keep this to 8 characters (you wrote 10).');
    assert.equal(schema.safeParse('   ').error?.issues[0].message, 'Please answer this question.');
  });

  it('dayCount takes whole and half days only', () => {
    const schema = dayCount({ min: 0.5, max: 60 });
    assert.equal(schema.safeParse(2.5).success, true);
    assert.equal(schema.safeParse(2.25).success, false);
    assert.equal(schema.safeParse(61).success, false);
  });
});
