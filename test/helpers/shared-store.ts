import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosStore } from '../../services/store/CosmosStore.js';
import type { DocumentStore } from '../../services/store/document-store.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';
import { startCosmosServer } from './cosmos-server.js';

/** One body of data that several bot instances reach through their own connections. */
export interface SharedStore {
  /** A new connection to the same data, as another bot instance (or a restarted one) would open. */
  connect(): Promise<DocumentStore>;
  /** Closes every connection opened and removes the data. */
  close(): Promise<void>;
}

export interface SharedStoreKind {
  name: string;
  open(): Promise<SharedStore>;
}

/** The two stores the product runs on: a SQLite file, and a Cosmos-protocol server in-process. */
export const SHARED_STORE_KINDS: SharedStoreKind[] = [
  {
    name: 'SQLite file',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 's2s-shared-'));
      const opened: DocumentStore[] = [];
      return {
        connect: async () => opened[opened.push(new SqliteStore(join(dir, 'store.db'))) - 1],
        close: async () => {
          for (const store of opened) await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'Cosmos-protocol server',
    async open() {
      const server = await startCosmosServer();
      const config = { kind: 'cosmos' as const, endpoint: server.endpoint, key: server.key, database: `s2s-${randomUUID()}`, container: 'records' };
      const opened: DocumentStore[] = [];
      return {
        connect: async () => opened[opened.push(await CosmosStore.connect(config, server.clientOptions)) - 1],
        close: async () => {
          for (const store of opened) await store.close();
          await server.stop();
        },
      };
    },
  },
];

/**
 * Wraps a connection so kill() freezes it, as a process that dies mid-call: every call from then on,
 * and none of its answers, ever comes back. `dieAfter` kills it once a call it matches has reached
 * the store, before the caller hears the answer.
 */
export function killable(store: DocumentStore, dieAfter: (method: string, args: unknown[]) => boolean = () => false): { store: DocumentStore; kill(): void } {
  let dead = false;
  const frozen = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (dead) return never();
        const result = await value.apply(target, args);
        if (dieAfter(String(property), args)) dead = true;
        return dead ? never() : result;
      };
    },
  });
  return { store: frozen, kill: () => { dead = true; } };
}

export function never(): Promise<never> {
  return new Promise<never>(() => undefined);
}

/** A repeatable stream of numbers in [0, 1), so a failing channel fails the same way every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
