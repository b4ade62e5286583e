import { AsyncLocalStorage } from 'node:async_hooks';
import type { CountQuery, DocumentBase, DocumentStore, Query, Stored, StoreHealth } from './document-store.js';

/**
 * The documents one turn has read (or is reading) or written, by alliance and id; `undefined` for
 * "not there". Reads under way are shared, so the parallel reads of a list cost one call each id.
 */
interface TurnReads {
  documents: Map<string, Promise<Stored<DocumentBase> | undefined>>;
  /** False once the turn has answered: work it left running (timers, background) reads the store. */
  open: boolean;
}

const currentTurn = new AsyncLocalStorage<TurnReads>();

/**
 * Runs one turn with its own point-read cache: a flow, its views and the services they call often
 * read the same person, school, alliance or record more than once; inside the turn each is read
 * from the store once. Queries are never cached.
 */
export async function withTurnReadCache<R>(work: () => Promise<R>): Promise<R> {
  const turn: TurnReads = { documents: new Map(), open: true };
  try {
    return await currentTurn.run(turn, work);
  } finally {
    turn.open = false;
  }
}

const keyOf = (allianceId: string, id: string) => `${allianceId}\u0000${id}`;

/**
 * A store whose point reads inside withTurnReadCache come from the turn's cache after the first.
 * Writes keep the cache true: a successful write caches what was written (with its new etag), a
 * failed one (a lost etag race, a duplicate) forgets the document, so the retry reads it afresh.
 * Every document goes in and out as a copy, so a caller changing what it read changes nothing here.
 */
export class TurnReadCachingStore implements DocumentStore {
  readonly kind: DocumentStore['kind'];
  readonly upsertAll?: DocumentStore['upsertAll'];
  readonly clearFreedSpace?: DocumentStore['clearFreedSpace'];

  /** `inner`: the store underneath, e.g. for tests that read the SQLite file itself. */
  constructor(readonly inner: DocumentStore) {
    this.kind = inner.kind;
    if (inner.upsertAll) this.upsertAll = (docs) => this.forgetting(docs, () => inner.upsertAll!(docs));
    if (inner.clearFreedSpace) this.clearFreedSpace = () => inner.clearFreedSpace!();
  }

  async get<T extends DocumentBase>(allianceId: string, id: string): Promise<Stored<T> | undefined> {
    const reads = openTurn();
    if (!reads) return this.inner.get<T>(allianceId, id);
    const key = keyOf(allianceId, id);
    let read = reads.get(key);
    if (!read) {
      read = this.inner.get<T>(allianceId, id);
      reads.set(key, read);
      read.catch(() => reads.get(key) === read && reads.delete(key));
    }
    return copy(await read) as Stored<T> | undefined;
  }

  query<T extends DocumentBase>(allianceId: string, query: Query): Promise<Array<Stored<T>>> {
    return this.inner.query<T>(allianceId, query);
  }

  queryAllAlliances<T extends DocumentBase>(query: Query): Promise<Array<Stored<T>>> {
    return this.inner.queryAllAlliances<T>(query);
  }

  count(allianceId: string, query: CountQuery): Promise<number> {
    return this.inner.count(allianceId, query);
  }

  create<T extends DocumentBase>(doc: T): Promise<Stored<T>> {
    return this.remembering(doc, () => this.inner.create(doc));
  }

  replace<T extends DocumentBase>(doc: T, etag: string): Promise<Stored<T>> {
    return this.remembering(doc, () => this.inner.replace(doc, etag));
  }

  upsert<T extends DocumentBase>(doc: T): Promise<Stored<T>> {
    return this.remembering(doc, () => this.inner.upsert(doc));
  }

  delete(allianceId: string, id: string, etag?: string): Promise<void> {
    return this.forgetting([{ allianceId, id }], () => this.inner.delete(allianceId, id, etag));
  }

  health(): Promise<StoreHealth> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async remembering<T extends DocumentBase>(doc: T, write: () => Promise<Stored<T>>): Promise<Stored<T>> {
    const key = keyOf(doc.allianceId, doc.id);
    try {
      const written = await write();
      openTurn()?.set(key, Promise.resolve(copy(written)));
      return written;
    } catch (error) {
      openTurn()?.delete(key);
      throw error;
    }
  }

  private async forgetting<R>(docs: Array<Pick<DocumentBase, 'allianceId' | 'id'>>, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } finally {
      const reads = openTurn();
      for (const doc of docs) reads?.delete(keyOf(doc.allianceId, doc.id));
    }
  }
}

function openTurn(): TurnReads['documents'] | undefined {
  const turn = currentTurn.getStore();
  return turn?.open ? turn.documents : undefined;
}

function copy<T>(doc: T): T {
  return doc === undefined ? doc : structuredClone(doc);
}
