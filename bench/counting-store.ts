import type { DocumentStore } from '../services/store/document-store.js';

const COUNTED = ['get', 'query', 'queryAllAlliances', 'create', 'replace', 'upsert', 'upsertAll', 'delete'] as const;

export interface CountingStore {
  store: DocumentStore;
  /** Calls per method since the last reset. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
}

/** Wraps a store so every document call is counted: the benchmark's "store calls per turn". */
export function countingStore(inner: DocumentStore): CountingStore {
  let counts: Record<string, number> = {};
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!(COUNTED as readonly (string | symbol)[]).includes(property)) return value.bind(target);
      return (...args: unknown[]) => {
        counts[String(property)] = (counts[String(property)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    reset: () => { counts = {}; },
  };
}
