import { strict as assert } from 'node:assert';
import { benchNational, type NationalRun } from '../../bench/national.bench.js';
import { SHARED_STORE_KINDS } from '../helpers/shared-store.js';

/** Turns whose reads would grow with the directory or the history if they scanned it. */
const INTENTS = ['find a supporter', 'submit request', 'my requests', 'manager decision (hold)'];

/**
 * Issue 16, national scale: alliances of different sizes in one store cost the same per turn, and
 * two instances ticking at once post one Monday digest per alliance. The bench's own run, small.
 */
for (const kind of SHARED_STORE_KINDS) {
  describe(`three alliances of different sizes in one ${kind.name}`, function () {
    this.timeout(60_000);
    let run: NationalRun;
    before(async () => {
      run = await benchNational({ kind, alliances: 3, scale: 0.1, intents: INTENTS });
    });

    it('costs the same store calls and documents read per turn in the smallest and the largest alliance', () => {
      const { smallest, largest } = run;
      assert.ok(largest.schools >= 5 * smallest.schools && largest.supporters >= 5 * smallest.supporters, 'the sizes differ enough for a scan to show');
      assert.deepEqual(largest.intents.map((cost) => cost.intent), INTENTS);
      for (const small of smallest.intents) {
        const large = largest.intents.find((cost) => cost.intent === small.intent)!;
        assert.deepEqual(
          { calls: large.calls, documentsRead: large.documentsRead },
          { calls: small.calls, documentsRead: small.documentsRead },
          `${small.intent}: ${smallest.allianceId} (${smallest.schools} schools) against ${largest.allianceId} (${largest.schools} schools)`,
        );
      }
    });

    it("stores one digest and queues one digest message per alliance from two instances' ticks", () => {
      const { digest } = run;
      assert.equal(digest.errors, 0);
      assert.equal(digest.queued[0] + digest.queued[1], 3, `queued ${digest.queued.join(' + ')}`);
      assert.deepEqual([digest.stored, digest.storedAlliances], [3, 3]);
      assert.deepEqual([digest.messages, digest.messageAlliances], [3, 3]);
    });
  });
}
