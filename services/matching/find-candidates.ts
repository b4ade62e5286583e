import type { Clock } from '../clock.js';
import { COMMITTED_STATUSES, type Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import { RELATED_SPECIALISMS, type Specialism } from '../domain/specialisms.js';
import type { Condition, DocumentStore } from '../store/document-store.js';
import type { MatchNeed } from './match-scoring.js';
import { rankPage, type RankedPage } from './rank-supporters.js';
import { summariseWorkloads, workloadWindowStart } from './workload.js';

export interface FindCandidatesOptions {
  limit?: number;
  offset?: number;
  excludeIds?: readonly string[];
  /** "Find an SLE" filters by phase; brokering a request only ranks by it. */
  requirePhase?: boolean;
}

/**
 * A query's conditions are all ANDed, so each acceptable specialism is a read of its own. Measured on
 * SQLite with 10,000 supporters: one `contains` read about 28 ms, one wide read about 80 ms, so three
 * is where narrowing stops paying there (Cosmos indexes ARRAY_CONTAINS, so narrowing costs it less).
 */
const MAX_NARROWED_READS = 3;

/** Ranks an alliance's supporters for a need from what the store holds now: one page plus the total. */
export async function findCandidates(
  store: DocumentStore,
  clock: Clock,
  allianceId: string,
  need: MatchNeed,
  options: FindCandidatesOptions = {},
): Promise<RankedPage> {
  const now = clock.now();
  const [supporters, schools, deployments] = await Promise.all([
    readSupporters(store, allianceId, need.specialisms),
    store.query<School>(allianceId, { type: 'school' }),
    readDeployments(store, allianceId, now),
  ]);
  return rankPage({
    need,
    supporters,
    schools: new Map(schools.map((school) => [school.urn, school])),
    workloads: summariseWorkloads(deployments, now),
    ...options,
  });
}

/**
 * Only supporters who offer an asked specialism or a related one can rank, so when those are few
 * each is read with `contains` and the reads are merged; otherwise every supporter is read.
 */
async function readSupporters(store: DocumentStore, allianceId: string, asked: readonly Specialism[]): Promise<Person[]> {
  const where: Condition[] = [
    { field: 'role', op: 'eq', value: 'supporter' },
    { field: 'erasedAt', op: 'eq', value: null },
  ];
  const fits = [...new Set(asked.flatMap((specialism) => [specialism, ...(RELATED_SPECIALISMS[specialism] ?? [])]))];
  if (fits.length === 0 || fits.length > MAX_NARROWED_READS) return store.query<Person>(allianceId, { type: 'person', where });
  const reads = await Promise.all(
    fits.map((specialism) =>
      store.query<Person>(allianceId, { type: 'person', where: [...where, { field: 'specialisms', op: 'contains', value: specialism }] }),
    ),
  );
  // Someone offering two of the specialisms comes back from two reads.
  return [...new Map(reads.flat().map((person) => [person.id, person])).values()];
}

/** Committed deployments recent enough to count this year or as recent work, plus every rated one. */
async function readDeployments(store: DocumentStore, allianceId: string, now: Date): Promise<Deployment[]> {
  const [current, rated] = await Promise.all([
    store.query<Deployment>(allianceId, {
      type: 'deployment',
      where: [
        { field: 'status', op: 'in', value: [...COMMITTED_STATUSES] },
        { field: 'createdAt', op: 'gte', value: workloadWindowStart(now).toISOString() },
      ],
    }),
    store.query<Deployment>(allianceId, { type: 'deployment', where: [{ field: 'effectivenessRating', op: 'ne', value: null }] }),
  ]);
  // A rated deployment from this year comes back from both reads; count it once.
  return [...new Map([...current, ...rated].map((deployment) => [deployment.id, deployment])).values()];
}
