import assert from 'node:assert/strict';
import { describeDue } from '../../../services/service-levels/due-label.js';

describe('describeDue', () => {
  it('names the day ahead, today, and the days overdue', () => {
    assert.equal(describeDue('2026-12-10', '2026-12-02'), 'due Thu 10 Dec');
    assert.equal(describeDue('2026-12-02', '2026-12-02'), 'due today');
    assert.equal(describeDue('2026-12-01', '2026-12-02'), '1 day overdue');
    assert.equal(describeDue('2026-11-30', '2026-12-02'), '2 days overdue');
  });
});
