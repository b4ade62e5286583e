import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentBase } from '../../../services/store/document-store.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';

describe('SqliteStore.upsertAll', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 's2s-upsert-all-'));
    store = new SqliteStore(join(dir, 'store.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const doc = (id: string, name: string) => ({ id, allianceId: 'hub', type: 'thing', name });

  it('creates and overwrites many documents, each with a new etag', async () => {
    const first = await store.upsert(doc('a', 'old'));
    await store.upsertAll([doc('a', 'new'), doc('b', 'B')]);

    const all = await store.query<DocumentBase & { name: string }>('hub', { type: 'thing', orderBy: [{ field: 'name' }] });
    assert.deepEqual(all.map((d) => d.name), ['B', 'new']);
    assert.notEqual(all[1]._etag, first._etag);
  });

  it('writes nothing when one document fails part-way through', async () => {
    await store.upsert(doc('a', 'kept'));
    // A document without a type breaks the NOT NULL constraint after two good writes.
    const broken = { id: 'c', allianceId: 'hub' } as unknown as DocumentBase;

    await assert.rejects(store.upsertAll([doc('a', 'overwritten'), doc('b', 'B'), broken]), /NOT NULL/);
    const all = await store.query<DocumentBase & { name: string }>('hub', { type: 'thing' });
    assert.deepEqual(all.map((d) => d.name), ['kept']);
  });
});
