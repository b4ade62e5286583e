// What one weekly digest reads as the history grows (issue 19): documents and store calls, from a
// counting store around SQLite, machine-independent.
//   BENCH_DIGEST_SIZES=1000,10000,100000  (past deployments, each with its request)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '../services/clock.js';
import { weeklyDigestOnce } from '../services/digest/digest-once.js';
import { runDigestTick } from '../services/digest/digest-scheduler.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { countingStore } from '../test/helpers/counting-store.js';
import { allianceWithHistory, DIGEST_NOW, DIGEST_WEEK, WEEK_BEFORE } from '../test/helpers/digest-history.js';
import type { ReportRow } from './report.js';

const HUB = 'bench-hub';
const SIZES = (process.env.BENCH_DIGEST_SIZES ?? '1000,10000,100000').split(',').map(Number);
const MOST_DOCUMENTS = 50;

/** One row per size: the Monday digest once the week before is stored, and the first digest of a term's chain. */
export async function benchDigestReads(): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 's2s-bench-digest-reads-'));
    const sqlite = new SqliteStore(join(dir, 'store.db'));
    try {
      await sqlite.upsertAll(allianceWithHistory(HUB, size));
      const counting = countingStore(sqlite);
      const clock = fixedClock(DIGEST_NOW);
      const ctx = { store: counting.store, clock };
      await weeklyDigestOnce(ctx, HUB, WEEK_BEFORE);
      const first = counting.cost();
      counting.reset();
      // Two instances tick at the posting time; the outbox then renders the card from what was stored.
      await Promise.all([runDigestTick(ctx, clock.now(), { holder: 'one' }), runDigestTick(ctx, clock.now(), { holder: 'two' })]);
      const tick = counting.cost();
      const computed = (await sqlite.query(HUB, { type: 'weeklyDigest', where: [{ field: 'week', op: 'eq', value: DIGEST_WEEK }] })).length;
      counting.reset();
      await weeklyDigestOnce(ctx, HUB, DIGEST_WEEK);
      const render = counting.cost();
      rows.push({
        area: 'digest',
        figure: `documents read by one weekly digest, ${size.toLocaleString('en-GB')} past deployments and requests stored`,
        result: `${tick.documentsRead} documents in ${tick.storeCalls} store calls (two instances' ticks, computed ${computed}×); `
          + `the outbox's render ${render.documentsRead} document; first digest of a term without the week before stored: ${first.documentsRead}`,
        target: `≤ ${MOST_DOCUMENTS} documents, the same at every size; computed once a week`,
        met: tick.documentsRead <= MOST_DOCUMENTS && computed === 1 && render.documentsRead === 1,
      });
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const counts = rows.map((row) => /^(\d+) documents/.exec(row.result)?.[1]);
  if (new Set(counts).size > 1) for (const row of rows) row.met = false;
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchDigestReads());
}
