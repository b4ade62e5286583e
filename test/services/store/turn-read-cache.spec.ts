import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError } from '../../../services/errors.js';
import type { DocumentBase } from '../../../services/store/document-store.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { TurnReadCachingStore, withTurnReadCache } from '../../../services/store/turn-read-cache.js';
import { countingStore, type CountingStore } from '../../helpers/counting-store.js';

interface Note extends DocumentBase {
  text: string;
}

const note = (id: string, text: string): Note => ({ id, allianceId: 'a', type: 'note', text });

describe('TurnReadCachingStore', () => {
  let dir: string;
  let sqlite: SqliteStore;
  let counting: CountingStore;
  let store: TurnReadCachingStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-turn-cache-'));
    sqlite = new SqliteStore(join(dir, 's2s.db'));
    counting = countingStore(sqlite);
    store = new TurnReadCachingStore(counting.store);
    await store.create(note('n1', 'first'));
    counting.reset();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a document once per turn, even when the turn reads it several times at once', async () => {
    await withTurnReadCache(async () => {
      const reads = await Promise.all([store.get<Note>('a', 'n1'), store.get<Note>('a', 'n1'), store.get<Note>('a', 'n1')]);
      assert.deepEqual(reads.map((r) => r?.text), ['first', 'first', 'first']);
      assert.equal(await store.get('a', 'missing'), undefined);
      assert.equal(await store.get('a', 'missing'), undefined);
    });
    assert.deepEqual(counting.counts(), { get: 2 });
  });

  it('reads afresh in every new turn and outside turns', async () => {
    await withTurnReadCache(() => store.get('a', 'n1'));
    await sqlite.replace(note('n1', 'changed elsewhere'), (await sqlite.get('a', 'n1'))!._etag);
    assert.equal((await withTurnReadCache(() => store.get<Note>('a', 'n1')))?.text, 'changed elsewhere');
    await store.get('a', 'n1');
    await store.get('a', 'n1');
    assert.equal(counting.counts().get, 4);
  });

  it('gives each reader its own copy: changing what was read changes nothing for the next reader', async () => {
    await withTurnReadCache(async () => {
      const first = (await store.get<Note>('a', 'n1'))!;
      first.text = 'scribbled on';
      assert.equal((await store.get<Note>('a', 'n1'))?.text, 'first');
    });
  });

  it('after a write, reads what was written with its new etag, so a second write in the turn succeeds', async () => {
    await withTurnReadCache(async () => {
      const read = (await store.get<Note>('a', 'n1'))!;
      const written = await store.replace(note('n1', 'second'), read._etag);
      const again = (await store.get<Note>('a', 'n1'))!;
      assert.deepEqual([again.text, again._etag], ['second', written._etag]);
      await store.replace(note('n1', 'third'), again._etag);
      await store.create(note('n2', 'new'));
      assert.equal((await store.get<Note>('a', 'n2'))?.text, 'new');
    });
    assert.equal((await sqlite.get<Note>('a', 'n1'))?.text, 'third');
    assert.equal(counting.counts().get, 1);
  });

  it('forgets a document whose write lost a race, so the retry reads the winner', async () => {
    await withTurnReadCache(async () => {
      const read = (await store.get<Note>('a', 'n1'))!;
      await sqlite.replace(note('n1', 'another instance'), read._etag);
      await assert.rejects(store.replace(note('n1', 'mine'), read._etag), ConcurrencyError);
      const fresh = (await store.get<Note>('a', 'n1'))!;
      assert.equal(fresh.text, 'another instance');
      await store.replace(note('n1', 'mine, after the retry'), fresh._etag);
    });
    assert.equal((await sqlite.get<Note>('a', 'n1'))?.text, 'mine, after the retry');
  });

  it('forgets deleted documents, and stops caching once the turn has answered', async () => {
    let later: () => Promise<unknown> = async () => undefined;
    await withTurnReadCache(async () => {
      await store.get('a', 'n1');
      await store.delete('a', 'n1');
      assert.equal(await store.get('a', 'n1'), undefined);
      later = () => store.get('a', 'n1'); // work the turn leaves behind, e.g. a timer it set
    });
    await store.create(note('n1', 'back'));
    assert.equal(((await later()) as Note | undefined)?.text, 'back');
  });
});
