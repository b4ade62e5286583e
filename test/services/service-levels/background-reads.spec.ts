import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../services/clock.js';
import { createLogger } from '../../../services/logger.js';
import { OutboxDelivery } from '../../../services/notifications/OutboxDelivery.js';
import { runServiceLevelTick } from '../../../services/service-levels/service-level-tick.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { countingStore } from '../../helpers/counting-store.js';
import { deploymentsFallingDue } from '../../helpers/due-fixtures.js';

const DUE = 5;

/** Documents read by one tick, and by an hour of outbox polls after it, with `size` deployments stored. */
async function readsWith(size: number): Promise<{ tick: number; idleHour: number; nudges: number }> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-background-'));
  const sqlite = new SqliteStore(join(dir, 'store.db'));
  try {
    await sqlite.upsertAll(deploymentsFallingDue('test-hub', size, DUE));
    const counting = countingStore(sqlite);
    const ctx = { store: counting.store, clock: fixedClock('2026-12-08T10:00:00Z') };
    const tick = await runServiceLevelTick(ctx);
    const tickReads = counting.cost().documentsRead;
    const outbox = new OutboxDelivery(ctx, { deliver: async () => undefined }, createLogger('silent'));
    await outbox.runOnce();
    counting.reset();
    for (let poll = 0; poll < 60; poll++) await outbox.runOnce();
    await runServiceLevelTick(ctx);
    return { tick: tickReads, idleHour: counting.cost().documentsRead, nudges: tick.nudges };
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('background work reads by event, not by history', function () {
  this.timeout(60_000);

  it('a service-level tick reads the items due and their alliance, however many deployments are stored; an idle hour reads nothing', async () => {
    const small = await readsWith(100);
    const large = await readsWith(5_000);
    assert.deepEqual(small, { tick: DUE + 1, idleHour: 0, nudges: DUE });
    assert.deepEqual(large, small);
  });
});
