import type { Person } from '../domain/person.js';
import { DuplicateError } from '../errors.js';
import type { DocumentStore } from '../store/document-store.js';
import { IDENTITY_PARTITION, indexPersonIdentities } from './identity-index.js';

const BUILT_ID = 'identity-index-built';

/**
 * Stores written before the identity index existed have channel ids only on person records: index
 * them once (one cross-partition read per channel), then leave a marker so no later start repeats it.
 * Returns how many people were indexed.
 */
export async function buildIdentityIndexOnce(store: DocumentStore, now: Date): Promise<number> {
  if (await store.get(IDENTITY_PARTITION, BUILT_ID)) return 0;
  const at = now.toISOString();
  const linked = new Map<string, Person>();
  for (const field of ['teamsAadObjectId', 'slackUserId'] as const) {
    const people = await store.queryAllAlliances<Person>({ type: 'person', where: [{ field, op: 'ne', value: null }, { field: 'erasedAt', op: 'eq', value: null }] });
    for (const person of people) linked.set(`${person.allianceId}|${person.id}`, person);
  }
  for (const person of linked.values()) await indexPersonIdentities(store, person, undefined, at);
  try {
    await store.create({ id: BUILT_ID, allianceId: IDENTITY_PARTITION, type: 'identityIndexBuilt', at });
  } catch (error) {
    // Another instance built it at the same moment: the entries are the same.
    if (!(error instanceof DuplicateError)) throw error;
  }
  return linked.size;
}
