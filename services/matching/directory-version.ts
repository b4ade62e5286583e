import { randomUUID } from 'node:crypto';
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
const MAX_ATTEMPTS = 20;

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
  }
  throw new ConcurrencyError('The directory version');
}

/** Records that one record ranking reads was written. Call after the write. */
export async function noteDirectoryChange(store: DocumentStore, allianceId: string, kind: DirectoryChangeKind, id: string): Promise<void> {
  await changeVersion(store, allianceId, (current) => {
    const seq = (current?.seq ?? 0) + 1;
    return {
      id: DIRECTORY_VERSION_ID, allianceId, type: 'directoryVersion',
      epoch: current?.epoch ?? FIRST_EPOCH,
      seq,
      changes: [...(current?.changes ?? []), { seq, kind, id }].slice(-KEPT_CHANGES),
    };
  });
}

/** Records that the directory was rewritten in bulk (an import): every instance reloads it. */
export async function renewDirectory(store: DocumentStore, allianceId: string): Promise<void> {
  await changeVersion(store, allianceId, (current) => ({
    id: DIRECTORY_VERSION_ID, allianceId, type: 'directoryVersion', epoch: randomUUID(), seq: (current?.seq ?? 0) + 1, changes: [],
  }));
}
