import type { Clock } from '../clock.js';
import type { DocumentStore } from '../store/document-store.js';
import { directorySnapshot } from './directory-snapshot.js';
import type { MatchNeed } from './match-scoring.js';
import { rankPage, type RankedPage } from './rank-supporters.js';
import { summariseWorkloads } from './workload.js';

export interface FindCandidatesOptions {
  limit?: number;
  offset?: number;
  excludeIds?: readonly string[];
  /** "Find an SLE" filters by phase; brokering a request only ranks by it. */
  requirePhase?: boolean;
}

/**
 * Ranks an alliance's supporters for a need: one page plus the total. Reads the in-memory directory
 * (directory-snapshot.ts), which costs one point read when nothing changed since the last search.
 */
export async function findCandidates(
  store: DocumentStore,
  clock: Clock,
  allianceId: string,
  need: MatchNeed,
  options: FindCandidatesOptions = {},
): Promise<RankedPage> {
  const now = clock.now();
  const { supporters, schools, deployments } = await directorySnapshot(store, allianceId, now);
  return rankPage({ need, supporters, schools, workloads: summariseWorkloads(deployments, now), ...options });
}
