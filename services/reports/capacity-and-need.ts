import { DateTime } from 'luxon';
import { englandDate } from '../clock.js';
import { termOf } from '../digest/school-term.js';
import { PHASES, phasesOverlap, type Phase } from '../domain/phases.js';
import { SPECIALISMS, type Specialism } from '../domain/specialisms.js';
import type { SupportRequest } from '../domain/support-request.js';
import { directorySnapshot } from '../matching/directory-snapshot.js';
import { freeDays, NO_WORKLOAD } from '../matching/match-scoring.js';
import type { ServiceContext } from '../service-context.js';

/** Requests still waiting for a supporter: what the alliance has been asked and not yet met. */
export const WAITING_STATUSES = ['submitted', 'matching', 'on-hold'] as const;

export interface CapacityRow {
  specialism: Specialism;
  phase: Phase;
  /** Supporters offering this specialism for this phase (all-through counts for primary and secondary). */
  supporters: number;
  /** Their days not yet committed this academic year. */
  spareDays: number;
  /** Requests waiting for a supporter, and the days they ask for. */
  waitingRequests: number;
  daysAsked: number;
  /** Every request made, whatever became of it: this term and the last 12 months. */
  requestsThisTerm: number;
  requestsLast12Months: number;
  /** Days asked beyond the spare days; 0 when supply covers the need. */
  shortfall: number;
}

export interface CapacityAndNeed {
  rows: CapacityRow[];
  /** The local authorities of the alliance's schools, for choosing where the need comes from. */
  localAuthorities: string[];
  termName: string;
  /** England's date the figures are as of. */
  asOf: string;
}

/**
 * Supply (supporters' spare days by specialism and phase) against need (requests by the same),
 * cold spots first: largest shortfall, then waiting requests nobody can take. A supporter or a
 * request with several specialisms counts in each of them. With a local authority, only the need of
 * its schools counts (supporters travel, so supply stays the alliance's). Supply comes from the
 * matcher's in-memory directory; need from two indexed queries (waiting requests, and the last 12 months).
 */
export async function capacityAndNeed(ctx: ServiceContext, allianceId: string, filter: { localAuthority?: string } = {}): Promise<CapacityAndNeed> {
  const now = ctx.clock.now();
  const term = termOf(now, 'Europe/London');
  const yearAgo = DateTime.fromJSDate(now).minus({ months: 12 }).toISO()!;
  const [snapshot, waiting, recent] = await Promise.all([
    directorySnapshot(ctx.store, allianceId, now),
    ctx.store.query<SupportRequest>(allianceId, { type: 'supportRequest', where: [{ field: 'status', op: 'in', value: [...WAITING_STATUSES] }] }),
    ctx.store.query<SupportRequest>(allianceId, { type: 'supportRequest', where: [{ field: 'createdAt', op: 'gte', value: yearAgo }] }),
  ]);
  const rows = new Map<string, CapacityRow>();
  const rowOf = (specialism: Specialism, phase: Phase): CapacityRow => {
    const key = `${specialism}|${phase}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { specialism, phase, supporters: 0, spareDays: 0, waitingRequests: 0, daysAsked: 0, requestsThisTerm: 0, requestsLast12Months: 0, shortfall: 0 }));
    return row;
  };

  const inArea = (request: SupportRequest) => !filter.localAuthority || snapshot.schools.get(request.schoolUrn)?.localAuthority === filter.localAuthority;
  const { workloads } = snapshot;
  for (const person of snapshot.supporters) {
    const spare = Math.max(0, freeDays(person, workloads.get(person.id) ?? NO_WORKLOAD));
    for (const specialism of person.specialisms) {
      for (const phase of PHASES) {
        if (!phasesOverlap(phase, person.phases)) continue;
        const row = rowOf(specialism, phase);
        row.supporters += 1;
        row.spareDays += spare;
      }
    }
  }
  for (const request of waiting.filter(inArea)) {
    for (const specialism of request.specialisms) {
      const row = rowOf(specialism, request.phase);
      row.waitingRequests += 1;
      row.daysAsked += request.daysWanted;
    }
  }
  const termStart = term.start.toISOString();
  for (const request of recent.filter(inArea)) {
    for (const specialism of request.specialisms) {
      const row = rowOf(specialism, request.phase);
      row.requestsLast12Months += 1;
      if (request.createdAt >= termStart) row.requestsThisTerm += 1;
    }
  }
  // Only pairs anyone offers or asks for; a pair nobody has ever asked for and nobody offers is no gap.
  const listed = [...rows.values()].filter((row) => row.supporters > 0 || row.requestsLast12Months > 0 || row.waitingRequests > 0);
  for (const row of listed) row.shortfall = Math.max(0, row.daysAsked - row.spareDays);
  const localAuthorities = [...new Set([...snapshot.schools.values()].map((s) => s.localAuthority).filter((la): la is string => Boolean(la)))].sort();
  return { rows: sortCapacityRows(listed, 'shortfall'), localAuthorities, termName: term.name, asOf: englandDate(now) };
}

export const CAPACITY_SORTS = ['shortfall', 'specialism', 'phase', 'supporters', 'spareDays', 'waitingRequests', 'daysAsked', 'requestsThisTerm', 'requestsLast12Months'] as const;
export type CapacitySort = (typeof CAPACITY_SORTS)[number];

const SPECIALISM_ORDER = new Map(SPECIALISMS.map((s, i) => [s, i]));
const PHASE_ORDER = new Map(PHASES.map((p, i) => [p, i]));

/**
 * Rows in the chosen order: names in the list's order, figures largest first. Ties fall back to
 * cold spots first (shortfall, then waiting requests), then specialism and phase, so the order is stable.
 */
export function sortCapacityRows(rows: readonly CapacityRow[], by: CapacitySort): CapacityRow[] {
  const byName = (a: CapacityRow, b: CapacityRow) =>
    SPECIALISM_ORDER.get(a.specialism)! - SPECIALISM_ORDER.get(b.specialism)! || PHASE_ORDER.get(a.phase)! - PHASE_ORDER.get(b.phase)!;
  const coldFirst = (a: CapacityRow, b: CapacityRow) => b.shortfall - a.shortfall || b.waitingRequests - a.waitingRequests || a.spareDays - b.spareDays;
  const primary = (a: CapacityRow, b: CapacityRow): number => {
    if (by === 'specialism') return byName(a, b);
    if (by === 'phase') return PHASE_ORDER.get(a.phase)! - PHASE_ORDER.get(b.phase)!;
    return b[by] - a[by];
  };
  return [...rows].sort((a, b) => primary(a, b) || coldFirst(a, b) || byName(a, b));
}
