import assert from 'node:assert/strict';
import { englandDate } from '../../../services/clock.js';
import { isWorkingDay, reportDueDate } from '../../../services/deployments/working-days.js';

describe('working days (England)', () => {
  it('skips weekends', () => {
    // Thursday 5 Nov 2026 → Fri, Mon, Tue, Wed, Thu.
    assert.equal(reportDueDate('2026-11-05'), '2026-11-12');
  });

  it('skips Christmas, Boxing Day and its substitute Monday', () => {
    assert.equal(isWorkingDay('2026-12-25'), false);
    assert.equal(isWorkingDay('2026-12-28'), false);
    // Monday 21 Dec → Tue 22, Wed 23, Thu 24, Tue 29, Wed 30.
    assert.equal(reportDueDate('2026-12-21'), '2026-12-30');
  });

  it('skips Good Friday and Easter Monday', () => {
    // Wednesday 1 Apr 2026 → Thu 2, Tue 7, Wed 8, Thu 9, Fri 10.
    assert.equal(reportDueDate('2026-04-01'), '2026-04-10');
  });

  it('reads today in London time', () => {
    // 23:30 UTC on 31 May 2026 is already 1 June in British Summer Time.
    assert.equal(englandDate(new Date('2026-05-31T23:30:00Z')), '2026-06-01');
  });
});
