import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError, DuplicateError } from '../errors.js';
import type { DocumentBase, DocumentStore, Stored } from '../store/document-store.js';

/** What ranking reads and a write can change: a supporter, a school or a deployment. */
export type DirectoryChangeKind = 'person' | 'school' | 'deployment';

export interface DirectoryChange {
  seq: number;
  kind: DirectoryChangeKind;
  id: string;
}

/**
 * One per alliance: tells every instance's in-memory directory (directory-snapshot.ts) what changed.
 * `epoch` changes when a whole import rewrote the directory (reload everything); `changes` lists the
 * latest single-record writes by sequence number (re-read just those).
 */
export interface DirectoryVersion extends DocumentBase {
  type: 'directoryVersion';
  epoch: string;
  seq: number;
  changes: DirectoryChange[];
}

export const DIRECTORY_VERSION_ID = 'directory-version';
/** The epoch of an alliance whose directory was never imported through renewDirectory (tests, older stores). */
export const FIRST_EPOCH = 'first';
/** An instance that fell further behind than this reloads everything. */
const KEPT_CHANGES = 200;
const MAX_ATTEMPTS = 40;
const MAX_BACKOFF_MS = 500;

export async function readDirectoryVersion(store: DocumentStore, allianceId: string): Promise<Stored<DirectoryVersion> | undefined> {
  const found = await store.get<DirectoryVersion>(allianceId, DIRECTORY_VERSION_ID);
  return found?.type === 'directoryVersion' ? found : undefined;
}

async function changeVersion(store: DocumentStore, allianceId: string, next: (current: DirectoryVersion | undefined) => DirectoryVersion): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await readDirectoryVersion(store, allianceId);
    try {
      if (current) await store.replace<DirectoryVersion>(next(current), current._etag);
      else await store.create<DirectoryVersion>(next(undefined));
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof DuplicateError)) throw error;
    }
    // Other instances are writing too: back off with jitter rather than collide again at once.
    await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt * 10));
  }
  throw new ConcurrencyError('The directory version');
}

interface Batch {
  changes: Array<Omit<DirectoryChange, 'seq'>>;
  written: Promise<void>;
}

/** Per store and alliance: the batch of notes waiting for the write in progress to finish. */
const waiting = new WeakMap<DocumentStore, Map<string, { batch?: Batch; running?: Promise<void> }>>();

/**
 * Records that one record ranking reads was written. Call after the write. Notes made while a
 * write of the version is in flight go together in the next one, so a burst of decisions in one
 * instance costs a few writes of the version document, not one contended write each.
 */
export function noteDirectoryChange(store: DocumentStore, allianceId: string, kind: DirectoryChangeKind, id: string): Promise<void> {
  let byAlliance = waiting.get(store);
  if (!byAlliance) waiting.set(store, (byAlliance = new Map()));
  let writer = byAlliance.get(allianceId);
  if (!writer) byAlliance.set(allianceId, (writer = {}));
  const queue = writer;
  if (!queue.batch) {
    const changes: Batch['changes'] = [];
    const written: Promise<void> = (queue.running ?? Promise.resolve()).catch(() => undefined).then(() => {
      queue.batch = undefined;
      queue.running = written;
      return appendChanges(store, allianceId, changes);
    });
    queue.batch = { changes, written };
  }
  queue.batch.changes.push({ kind, id });
  return queue.batch.written;
}

function appendChanges(store: DocumentStore, allianceId: string, changes: Batch['changes']): Promise<void> {
  return changeVersion(store, allianceId, (current) => {
    const seq = current?.seq ?? 0;
    return {
      id: DIRECTORY_VERSION_ID, allianceId, type: 'directoryVersion',
      epoch: current?.epoch ?? FIRST_EPOCH,
      seq: seq + changes.length,
      changes: [...(current?.changes ?? []), ...changes.map((change, n) => ({ ...change, seq: seq + n + 1 }))].slice(-KEPT_CHANGES),
    };
  });
}

/** Records that the directory was rewritten in bulk (an import): every instance reloads it. */
export async function renewDirectory(store: DocumentStore, allianceId: string): Promise<void> {
  await changeVersion(store, allianceId, (current) => ({
    id: DIRECTORY_VERSION_ID, allianceId, type: 'directoryVersion', epoch: randomUUID(), seq: (current?.seq ?? 0) + 1, changes: [],
  }));
}
