import { strict as assert } from 'node:assert';
import { termOf } from '../../../services/digest/school-term.js';

describe('termOf', () => {
  it('places each moment in autumn, spring or summer term by London dates', () => {
    const name = (at: string) => termOf(new Date(at), 'Europe/London').name;
    assert.equal(name('2026-08-31T22:59:59Z'), 'Summer term 2026'); // 23:59 BST on 31 August
    assert.equal(name('2026-08-31T23:00:00Z'), 'Autumn term 2026'); // midnight BST on 1 September
    assert.equal(name('2026-12-31T23:59:59Z'), 'Autumn term 2026');
    assert.equal(name('2027-01-01T00:00:00Z'), 'Spring term 2027');
    assert.equal(name('2027-03-31T22:59:59Z'), 'Spring term 2027'); // 23:59 BST on 31 March
    assert.equal(name('2027-03-31T23:00:00Z'), 'Summer term 2027');
  });

  it('gives the first and last day and the instants they start and end', () => {
    const autumn = termOf(new Date('2026-11-25T12:00:00Z'), 'Europe/London');
    assert.deepEqual([autumn.firstDay, autumn.lastDay], ['2026-09-01', '2026-12-31']);
    assert.deepEqual([autumn.start.toISOString(), autumn.end.toISOString()], ['2026-08-31T23:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });
});
