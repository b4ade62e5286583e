import { insideTurn } from '../../services/store/request-charge.js';
import type { DocumentStore } from '../../services/store/document-store.js';

const COUNTED = ['get', 'query', 'queryAllAlliances', 'count', 'create', 'replace', 'upsert', 'upsertAll', 'delete'] as const;
/** Calls that read documents: what they return is what the store had to read and send. */
const READS = new Set<string>(['get', 'query', 'queryAllAlliances']);
/** Calls that write documents, and how many each writes. */
const WRITES: Record<string, (args: unknown[]) => number> = {
  create: () => 1, replace: () => 1, upsert: () => 1, upsertAll: (args) => (args[0] as unknown[]).length,
};

export interface TurnCost {
  /** Store calls per method. */
  calls: Record<string, number>;
  /** Every store call. */
  storeCalls: number;
  /** Documents returned by reads (a point read that finds nothing reads none). */
  documentsRead: number;
  /** Kilobytes of JSON those documents hold. */
  kbRead: number;
  /** Documents created, replaced or upserted (a bulk upsert counts each of its documents). */
  documentsWritten: number;
  /** Cross-partition queries: each one fans out to every partition on Cosmos DB. */
  crossPartitionQueries: number;
}

export interface CountingStore {
  store: DocumentStore;
  /** What the store did since the last reset. */
  cost(): TurnCost;
  /** Calls per method since the last reset. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
}

/**
 * Wraps a store so every call is counted, with the documents and bytes each read returned: the
 * benchmark's per-turn figures and the tests' bounds on reads, independent of the machine. With
 * `turnsOnly`, calls made outside a metered turn (background brokering, the outbox) are not counted.
 */
export function countingStore(inner: DocumentStore, options: { turnsOnly?: boolean } = {}): CountingStore {
  let calls: Record<string, number> = {};
  let documentsRead = 0;
  let bytesRead = 0;
  let documentsWritten = 0;
  const tally = (result: unknown): unknown => {
    const docs = result === undefined ? [] : Array.isArray(result) ? result : [result];
    documentsRead += docs.length;
    for (const doc of docs) bytesRead += Buffer.byteLength(JSON.stringify(doc));
    return result;
  };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const name = String(property);
      if (!(COUNTED as readonly string[]).includes(name)) return value.bind(target);
      return (...args: unknown[]) => {
        if (options.turnsOnly && !insideTurn()) return (value as (...a: unknown[]) => unknown).apply(target, args);
        calls[name] = (calls[name] ?? 0) + 1;
        documentsWritten += WRITES[name]?.(args) ?? 0;
        const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        return READS.has(name) ? result.then(tally) : result;
      };
    },
  });
  const total = () => Object.values(calls).reduce((sum, n) => sum + n, 0);
  return {
    store,
    cost: () => ({
      calls: { ...calls },
      storeCalls: total(),
      documentsRead,
      kbRead: Math.round((bytesRead / 1024) * 10) / 10,
      documentsWritten,
      crossPartitionQueries: calls.queryAllAlliances ?? 0,
    }),
    counts: () => ({ ...calls }),
    total,
    reset: () => {
      calls = {};
      documentsRead = 0;
      bytesRead = 0;
      documentsWritten = 0;
    },
  };
}
