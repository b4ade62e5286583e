import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { selectTop } from '../../../services/matching/top-k.js';

describe('selectTop', () => {
  it('gives the same k items, in the same order, as sorting everything', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), fc.nat(250), (scores, k) => {
        // Many equal scores, broken by index: a strict total order like the ranking's.
        const before = (a: number, b: number) => (scores[a] !== scores[b] ? scores[a] > scores[b] : a < b);
        const items = scores.map((_, index) => index);
        const sorted = [...items].sort((a, b) => (before(a, b) ? -1 : 1));
        assert.deepEqual(selectTop(items, items.length, k, before), sorted.slice(0, k));
      }),
    );
  });

  it('considers only the first `count` items', () => {
    assert.deepEqual(selectTop([5, 9, 7, 8], 2, 5, (a, b) => a > b), [9, 5]);
  });
});
