import type { Designation } from '../domain/designations.js';
import type { Person } from '../domain/person.js';
import { phasesOverlap, type Phase } from '../domain/phases.js';
import type { School } from '../domain/school.js';
import { RELATED_SPECIALISMS, type Specialism } from '../domain/specialisms.js';

/** What a search or a support request needs from a supporter. */
export interface MatchNeed {
  specialisms: readonly Specialism[];
  phase: Phase | null;
  daysWanted?: number;
  /** The requesting school: drives conflict of interest and locality. */
  schoolUrn?: string;
  /** Only these designations qualify (a diagnostic asks for a system leader); absent means any. */
  designations?: readonly Designation[];
}

/** Committed deployments count as recent work for this many days (the fairness rule). */
export const RECENT_WINDOW_DAYS = 90;

/** A supporter's work so far, summarised from deployments (workload.ts). */
export interface Workload {
  /** Days in committed deployments created this academic year. */
  daysCommitted: number;
  /** Committed deployments created in the last RECENT_WINDOW_DAYS days. */
  recentDeployments: number;
  ratingAverage?: number;
  ratingCount: number;
}

export const NO_WORKLOAD: Workload = { daysCommitted: 0, recentDeployments: 0, ratingCount: 0 };

export type SchoolFacts = Pick<School, 'urn' | 'name' | 'trust' | 'localAuthority' | 'postcode' | 'leftAt'>;

/** Each rule scores 0–1 and the weights sum to 1, so a candidate's score is 0–1 too. */
export const MATCH_WEIGHTS = {
  /** Averaged over the specialisms asked: exact fit 1, related fit RELATED_FIT, none 0. */
  specialism: 0.4,
  /** 1 when the supporter's phases overlap the one asked (or none was asked), else 0. */
  phase: 0.15,
  /** Free days ÷ days wanted, capped at 1. */
  capacity: 0.1,
  /** The shrunk average rating, mapped from 1–4 onto 0–1. */
  rating: 0.15,
  /** 1 ÷ (1 + recent deployments): busy supporters give way to others. */
  fairness: 0.1,
  /** Same local authority 1, same postcode area AREA_FIT, else 0. */
  locality: 0.1,
} as const;

export const RELATED_FIT = 0.5;
export const AREA_FIT = 0.5;

/** Shrinks averages toward 3/4 ("effective") as if from 3 deployments, so one 4/4 doesn't beat ten 3.8s. */
export const RATING_PRIOR = { average: 3, weight: 3 } as const;

/** Per-call facts worked out once, so the per-supporter loop allocates nothing. */
export interface MatchContext {
  need: MatchNeed;
  schools: ReadonlyMap<string, SchoolFacts>;
  workloads: ReadonlyMap<string, Workload>;
  requesting?: SchoolFacts;
  requestingArea?: string;
  requirePhase: boolean;
}

export function prepareMatch(
  need: MatchNeed,
  schools: ReadonlyMap<string, SchoolFacts>,
  workloads: ReadonlyMap<string, Workload>,
  requirePhase = false,
): MatchContext {
  const requesting = need.schoolUrn === undefined ? undefined : schools.get(need.schoolUrn);
  return { need, schools, workloads, requesting, requestingArea: requesting?.postcode?.match(/^[A-Z]+/)?.[0], requirePhase };
}

export function baseSchoolOf(context: MatchContext, person: Person): SchoolFacts | undefined {
  return person.baseSchoolUrn === undefined ? undefined : context.schools.get(person.baseSchoolUrn);
}

/** A supporter without a workload has no deployments yet. */
export function workloadOf(context: MatchContext, person: Person): Workload {
  return context.workloads.get(person.id) ?? NO_WORKLOAD;
}

/** 'exact', else the related specialism the supporter offers instead, else null. */
export function matchSpecialism(asked: Specialism, offered: readonly Specialism[]): 'exact' | Specialism | null {
  if (offered.includes(asked)) return 'exact';
  // A plain loop: this runs for every supporter, and a find() callback would allocate each time.
  for (const related of RELATED_SPECIALISMS[asked] ?? NONE) if (offered.includes(related)) return related;
  return null;
}

const NONE: readonly Specialism[] = [];

export function freeDays(person: Person, workload: Workload): number {
  return person.daysPerYear - workload.daysCommitted;
}

export function shrunkRating(workload: Workload): number {
  const total = RATING_PRIOR.average * RATING_PRIOR.weight + (workload.ratingAverage ?? 0) * workload.ratingCount;
  return total / (RATING_PRIOR.weight + workload.ratingCount);
}

export function locality(context: MatchContext, base: SchoolFacts | undefined): 'local-authority' | 'postcode-area' | null {
  if (!base || !context.requesting) return null;
  if (sameText(base.localAuthority, context.requesting.localAuthority)) return 'local-authority';
  const area = context.requestingArea;
  // "B1 1AA" is not in the "BS" area: the area is all the leading letters.
  if (area && base.postcode?.startsWith(area) && !isLetter(base.postcode.charCodeAt(area.length))) return 'postcode-area';
  return null;
}

/**
 * The supporter's score 0–1, or null when a rule excludes them. Cheap checks that exclude most
 * supporters come before the school and workload look-ups.
 */
export function scoreSupporter(context: MatchContext, person: Person): number | null {
  const { need, requesting } = context;
  if (need.designations && (!person.designation || !need.designations.includes(person.designation))) return null;
  let specialismFit = 1;
  if (need.specialisms.length > 0) {
    let sum = 0;
    for (const asked of need.specialisms) {
      const match = matchSpecialism(asked, person.specialisms);
      sum += match === 'exact' ? 1 : match === null ? 0 : RELATED_FIT;
    }
    if (sum === 0) return null;
    specialismFit = sum / need.specialisms.length;
  }

  const phaseFit = need.phase === null || phasesOverlap(need.phase, person.phases) ? 1 : 0;
  if (phaseFit === 0 && context.requirePhase) return null;

  if (person.baseSchoolUrn !== undefined && person.baseSchoolUrn === need.schoolUrn) return null;
  const base = baseSchoolOf(context, person);
  if (requesting && base && sameText(base.trust, requesting.trust)) return null;

  const workload = workloadOf(context, person);
  const free = freeDays(person, workload);
  if (free <= 0) return null;

  const place = locality(context, base);
  return (
    MATCH_WEIGHTS.specialism * specialismFit +
    MATCH_WEIGHTS.phase * phaseFit +
    MATCH_WEIGHTS.capacity * Math.min(1, free / Math.max(1, need.daysWanted ?? 1)) +
    MATCH_WEIGHTS.rating * ((shrunkRating(workload) - 1) / 3) +
    MATCH_WEIGHTS.fairness / (1 + workload.recentDeployments) +
    MATCH_WEIGHTS.locality * (place === 'local-authority' ? 1 : place === 'postcode-area' ? AREA_FIT : 0)
  );
}

/** Case-insensitive (ASCII) equality of two present values, without allocating lower-cased copies. */
function sameText(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (lowerCode(a.charCodeAt(i)) !== lowerCode(b.charCodeAt(i))) return false;
  }
  return true;
}

function lowerCode(code: number): number {
  return isLetter(code) ? code + 32 : code;
}

/** A–Z: postcodes are stored upper-cased. */
function isLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}
