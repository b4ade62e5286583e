import Database from 'better-sqlite3';
import type { DocumentStore } from '../../services/store/document-store.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';
import { TurnReadCachingStore } from '../../services/store/turn-read-cache.js';

/** Every document in a SQLite store, keyed by alliance and id, with its etag: for "nothing changed" checks. */
export function snapshotStore(app: DocumentStore): Map<string, string> {
  const store = app instanceof TurnReadCachingStore ? app.inner : app;
  if (!(store instanceof SqliteStore)) throw new Error('snapshotStore reads the SQLite file directly');
  const db = new Database(store.path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT alliance_id, id, etag, body FROM documents').all() as Array<{ alliance_id: string; id: string; etag: string; body: string }>;
    return new Map(rows.map((row) => [`${row.alliance_id}/${row.id}`, `${row.etag} ${row.body}`]));
  } finally {
    db.close();
  }
}

/** Keys added, removed or changed between two snapshots. */
export function snapshotDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) changed.push(before.has(key) ? `changed ${key}` : `added ${key}`);
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed;
}
