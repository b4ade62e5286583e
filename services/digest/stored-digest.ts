import type { DocumentStore, Stored } from '../store/document-store.js';
import type { CostedDeployment } from './term-spend.js';
import type { WeeklyDigest } from './weekly-digest.js';

/**
 * A finished week's digest as computed once for its alliance: what the manager channel is shown,
 * and the term's costed deployments the next week's digest starts from.
 */
export interface StoredDigest {
  id: string;
  allianceId: string;
  type: 'weeklyDigest';
  week: string;
  computedAt: string;
  digest: WeeklyDigest;
  termCosted: CostedDeployment[];
}

/** One per alliance and week: two instances computing it at once write the same document, and the second is refused. */
export function storedDigestId(week: string): string {
  return `weeklyDigest-${week}`;
}

export async function readStoredDigest(store: DocumentStore, allianceId: string, week: string): Promise<Stored<StoredDigest> | undefined> {
  const found = await store.get<StoredDigest>(allianceId, storedDigestId(week));
  return found?.type === 'weeklyDigest' ? found : undefined;
}
