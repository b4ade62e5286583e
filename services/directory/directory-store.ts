import type { Alliance } from '../domain/alliance.js';
import { renewDirectory } from '../matching/directory-version.js';
import { BotError } from '../errors.js';
import { withoutMeta, type DocumentBase, type DocumentStore, type Stored } from '../store/document-store.js';

/** Every directory record belongs to an alliance, so the alliance must exist before anything is imported. */
export async function requireAlliance(store: DocumentStore, allianceId: string): Promise<Stored<Alliance>> {
  const alliance = await store.get<Alliance>(allianceId, allianceId);
  if (!alliance || alliance.type !== 'alliance') {
    throw new BotError(
      'not_found',
      `There is no alliance "${allianceId}". Create it first: npx s2s alliance add --id ${allianceId} --name "…"`,
    );
  }
  return alliance;
}

/** One alliance's documents of a type, without store metadata, by id. */
export async function documentsById<T extends DocumentBase>(store: DocumentStore, allianceId: string, type: string): Promise<Map<string, T>> {
  const docs = await store.query<T>(allianceId, { type });
  return new Map(docs.map((doc) => [doc.id, withoutMeta(doc)]));
}

/** Writes in one transaction where the store offers it, else one upsert at a time. */
export async function saveAll<T extends DocumentBase>(store: DocumentStore, docs: T[]): Promise<void> {
  if (store.upsertAll) await store.upsertAll(docs);
  else for (const doc of docs) await store.upsert(doc);
  // Every instance's in-memory directory reloads once after an import.
  if (docs.length) await renewDirectory(store, docs[0].allianceId);
}

/** Drops undefined fields so a merged document carries only the values it has. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
