import type { Clock } from '../clock.js';
import type { DocumentStore } from '../store/document-store.js';
import { leftAllianceError } from '../membership/member-school.js';
import { directorySnapshot } from './directory-snapshot.js';
import type { MatchNeed } from './match-scoring.js';
import { rankPage, type RankedPage } from './rank-supporters.js';

export interface FindCandidatesOptions {
  limit?: number;
  offset?: number;
  excludeIds?: readonly string[];
  /** "Find an SLE" filters by phase; brokering a request only ranks by it. */
  requirePhase?: boolean;
  /** The searcher's own school: a school that left the alliance no longer searches its directory. */
  searcherSchoolUrn?: string;
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
  const { supporters, schools, workloads } = await directorySnapshot(store, allianceId, now);
  const { searcherSchoolUrn, ...ranking } = options;
  const searcherSchool = searcherSchoolUrn ? schools.get(searcherSchoolUrn) : undefined;
  if (searcherSchool?.leftAt) throw leftAllianceError({ name: searcherSchool.name, leftAt: searcherSchool.leftAt });
  return rankPage({ need, supporters, schools, workloads, ...ranking });
}
