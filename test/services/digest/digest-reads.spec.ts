import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { computeDigest } from '../../../services/digest/compute-digest.js';
import { weeklyDigestOnce } from '../../../services/digest/digest-once.js';
import type { StoredDigest } from '../../../services/digest/stored-digest.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { countingStore, type TurnCost } from '../../helpers/counting-store.js';
import { allianceWithHistory, DIGEST_NOW, DIGEST_WEEK, WEEK_BEFORE } from '../../helpers/digest-history.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';

const HUB = 'history-hub';
/** The bound issue 19 sets for one digest, whatever the history. */
const MOST_DOCUMENTS = 50;

async function seeded(shared: SharedStore, history: number): Promise<DocumentStore> {
  const store = await shared.connect();
  const docs = allianceWithHistory(HUB, history);
  if (store.upsertAll) await store.upsertAll(docs);
  else await Promise.all(docs.map((doc) => store.upsert(doc)));
  return store;
}

for (const kind of SHARED_STORE_KINDS) {
  describe(`what a weekly digest reads, on a ${kind.name}`, function () {
    this.timeout(120_000);
    let shared: SharedStore | undefined;
    afterEach(async () => {
      await shared?.close();
      shared = undefined;
    });

    /** The week's digest once the week before is stored, as every Monday after the first. */
    async function weeklyCost(history: number): Promise<TurnCost> {
      const opened = (shared = await kind.open());
      const counting = countingStore(await seeded(opened, history));
      const ctx = { store: counting.store, clock: fixedClock(DIGEST_NOW) };
      await weeklyDigestOnce(ctx, HUB, WEEK_BEFORE);
      counting.reset();
      const digest = await weeklyDigestOnce(ctx, HUB, DIGEST_WEEK);
      assert.equal(digest.newRequests.count, 4);
      const cost = counting.cost();
      await opened.close();
      shared = undefined;
      return cost;
    }

    it('reads no more with ten times the history, and at most 50 documents', async () => {
      const small = await weeklyCost(40);
      const large = await weeklyCost(400);
      assert.equal(large.documentsRead, small.documentsRead, `documents read: ${small.documentsRead} with 40 past deployments, ${large.documentsRead} with 400`);
      assert.equal(large.storeCalls, small.storeCalls);
      assert.ok(large.documentsRead <= MOST_DOCUMENTS, `${large.documentsRead} documents read`);
      assert.equal(large.crossPartitionQueries, 0);
    });

    it("counts the term from the week before's stored digest as it would from every deployment of the term", async () => {
      const store = await seeded((shared = await kind.open()), 300);
      const ctx = { store, clock: fixedClock(DIGEST_NOW) };
      const fromTheTerm = await computeDigest(ctx, HUB, DIGEST_WEEK);
      await weeklyDigestOnce(ctx, HUB, WEEK_BEFORE);
      assert.deepEqual(await computeDigest(ctx, HUB, DIGEST_WEEK), fromTheTerm);
      assert.ok(fromTheTerm.term.deployments > 9, `${fromTheTerm.term.deployments} deployments this term, past ones included`);
    });

    it('computes a week once: later asks, from any instance, read the stored digest', async () => {
      const opened = (shared = await kind.open());
      const store = await seeded(opened, 10);
      const other = countingStore(await opened.connect());
      const clock = fixedClock(DIGEST_NOW);
      const [first, second] = await Promise.all([weeklyDigestOnce({ store, clock }, HUB, DIGEST_WEEK), weeklyDigestOnce({ store: other.store, clock }, HUB, DIGEST_WEEK)]);
      assert.deepEqual(second, first);
      const stored = await store.query<StoredDigest>(HUB, { type: 'weeklyDigest' });
      assert.deepEqual(stored.map((doc) => doc.week), [DIGEST_WEEK]);
      other.reset();
      assert.deepEqual(await weeklyDigestOnce({ store: other.store, clock }, HUB, DIGEST_WEEK), first);
      assert.deepEqual(other.cost().calls, { get: 1 }, 'one point read, no recomputation');
    });

    it('does not store a week still running', async () => {
      const store = await seeded((shared = await kind.open()), 10);
      await weeklyDigestOnce({ store, clock: fixedClock(DIGEST_NOW) }, HUB, '2026-W49');
      assert.deepEqual(await store.query(HUB, { type: 'weeklyDigest' }), []);
    });
  });
}
