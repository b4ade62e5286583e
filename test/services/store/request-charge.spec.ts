import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meterTurn } from '../../../services/store/request-charge.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';

describe('meterTurn', () => {
  let dir: string;
  let store: SqliteStore;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 's2s-charge-'));
    store = new SqliteStore(join(dir, 'store.db'));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts each turn’s own store calls, even when turns interleave', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const [one, three] = await Promise.all([
      meterTurn(async () => { await pause(); return store.get('a', 'missing'); }),
      meterTurn(async () => {
        await store.create({ id: 'x', allianceId: 'a', type: 't' });
        await pause();
        await store.query('a', { type: 't' });
        return store.get('a', 'x');
      }),
    ]);
    assert.equal(one.charge.storeCalls, 1);
    assert.equal(three.charge.storeCalls, 3);
    assert.equal(three.result?.id, 'x');
    // Outside a metered turn nothing is counted and nothing fails.
    assert.equal((await store.get('a', 'x'))?.id, 'x');
  });
});
