import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../services/clock.js';
import { runDigestTick } from '../services/digest/digest-scheduler.js';
import { createLogger } from '../services/logger.js';
import { DEFAULT_SAFETY_POLL_MS, OutboxDelivery } from '../services/notifications/OutboxDelivery.js';
import { runServiceLevelTick } from '../services/service-levels/service-level-tick.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { countingStore } from '../test/helpers/counting-store.js';
import { deploymentsFallingDue } from '../test/helpers/due-fixtures.js';
import type { ReportRow } from './report.js';

const HUB = 'bench-hub';
/** Tue 8 Dec 2026, 10:00 UK: a working day in working hours. */
const NOW = '2026-12-08T10:00:00Z';
const DUE = 20;
const SIZES = (process.env.BENCH_BACKGROUND_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** Request units, from Azure's published costs: a 1 KB point read is 1 RU, a write about 6–10, an empty query about 2.5. */
const RU = { query: 2.5, read: 1, write: 8 };

/** The background work of one instance: documents read by an idle hour and by one service-level tick as the store grows. */
export async function benchBackground(): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 's2s-bench-background-'));
    const sqlite = new SqliteStore(join(dir, 'store.db'));
    try {
      await sqlite.upsertAll(deploymentsFallingDue(HUB, size, DUE));
      const counting = countingStore(sqlite);
      const ctx = { store: counting.store, clock: fixedClock(NOW) };
      const tick = await runServiceLevelTick(ctx);
      const cost = counting.cost();
      rows.push({
        area: 'background', figure: `service-level tick, ${size.toLocaleString('en-GB')} deployments stored, ${DUE} due`,
        result: `${cost.documentsRead} documents read, ${cost.storeCalls} store calls; ${tick.nudges} nudges`,
        target: `≤ ${DUE} + 1 documents (the items due and their alliance)`, met: cost.documentsRead <= DUE + 1,
      });
      if (size === SIZES[0]) rows.push(...(await idleHour(sqlite)));
    } finally {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** An hour with nothing happening: the outbox's safety polls, the hourly service-level and digest ticks. */
async function idleHour(store: SqliteStore): Promise<ReportRow[]> {
  const counting = countingStore(store);
  // Nothing is due any more: the tick just acted on everything.
  const clock = fixedClock('2026-12-08T11:00:00Z');
  const ctx = { store: counting.store, clock };
  const outbox = new OutboxDelivery(ctx, { deliver: async () => undefined }, createLogger('silent'));
  await outbox.runOnce(); // sends the nudges the tick above queued
  counting.reset();
  // At most one poll a minute (the jitter only lengthens the interval).
  const polls = Math.ceil(3_600_000 / DEFAULT_SAFETY_POLL_MS);
  for (let i = 0; i < polls; i++) await outbox.runOnce();
  await runServiceLevelTick(ctx);
  await runDigestTick(ctx);
  const cost = counting.cost();
  const queries = (cost.calls.query ?? 0) + (cost.calls.queryAllAlliances ?? 0);
  const idleRu = queries * RU.query + cost.documentsRead * RU.read;
  const month = 24 * 30;
  const perInstance = Math.round(idleRu * month);
  return [
    {
      area: 'background', figure: 'idle hour, one instance (outbox safety polls, service-level and digest ticks)',
      result: `${cost.documentsRead} documents read in ${queries} queries (${polls} outbox polls)`, target: '≤ 100 documents', met: cost.documentsRead <= 100,
    },
    {
      area: 'background', figure: 'request units a month, idle',
      result: `one hub, one instance: ${perInstance.toLocaleString('en-GB')} RU; 87 hubs × 2 instances: ${(perInstance * 87 * 2).toLocaleString('en-GB')} RU`,
      target: `formula: hours × (queries × ${RU.query} + documents × ${RU.read}); was ≈ 1.2 M RU per instance with 5 s polls`,
    },
    {
      area: 'background', figure: 'request units a month, busy hub (800 requests a year, ≈ 15 notifications each)',
      result: `${(perInstance + Math.round((800 * 15) / 12) * (RU.write * 3 + RU.read)).toLocaleString('en-GB')} RU per instance`,
      target: `formula: idle + notifications a month × (3 writes × ${RU.write} + 1 read); each notification is written, claimed and settled`,
    },
  ];
}
