import { acceptsDirectContact } from '../domain/direct-contact.js';
import type { Person } from '../domain/person.js';
import type { CandidateSnapshot } from '../domain/support-request.js';
import { describeCandidate } from './candidate-reason.js';
import { baseSchoolOf, freeDays, NO_WORKLOAD, prepareMatch, scoreSupporter, type MatchNeed, type SchoolFacts, type Workload } from './match-scoring.js';
import { selectTop } from './top-k.js';

/** A manager card shows a handful of candidates; "show more" pages on with `offset`. */
export const DEFAULT_CANDIDATE_LIMIT = 5;

export interface RankInput {
  need: MatchNeed;
  /** People with the supporter role; erased people are skipped. */
  supporters: readonly Person[];
  /** Schools by URN: supporters' base schools and the requesting school (`need.schoolUrn`). */
  schools: ReadonlyMap<string, SchoolFacts>;
  /** Workload by person id; a supporter without one has no deployments yet. */
  workloads: ReadonlyMap<string, Workload>;
  limit?: number;
  offset?: number;
  /** Supporters already proposed and declined, or passed over. */
  excludeIds?: Iterable<string>;
  /** "Find an SLE" filters by phase; brokering a request only ranks by it. */
  requirePhase?: boolean;
}

export interface RankedCandidate extends CandidateSnapshot {
  schoolName?: string;
  /** What a directory search shows of the supporter beside the reason. */
  profile: Pick<Person, 'designation' | 'specialisms' | 'phases' | 'daysPerYear'> & {
    freeDays: number;
    /** Whether they agreed to be messaged directly (search results offer "Message"). */
    contactDirectly: boolean;
  };
}

export interface RankedPage {
  candidates: RankedCandidate[];
  /** How many supporters qualified in all, so the caller can offer "show more". */
  total: number;
}

/** Ranks supporters for a need (design.md §3): one page of candidates, best first. */
export function rankSupporters(input: RankInput): RankedCandidate[] {
  return rankPage(input).candidates;
}

/** As rankSupporters, with the count of every qualifying supporter for paging. */
export function rankPage(input: RankInput): RankedPage {
  const { supporters } = input;
  const context = prepareMatch(input.need, input.schools, input.workloads, input.requirePhase);
  const excluded = new Set(input.excludeIds);
  const scores = new Float64Array(supporters.length);
  const eligible = new Int32Array(supporters.length);
  let total = 0;
  for (let i = 0; i < supporters.length; i++) {
    const person = supporters[i];
    if (person.erasedAt !== undefined || excluded.has(person.id)) continue;
    const score = scoreSupporter(context, person);
    if (score === null) continue;
    // Ranked on the score as shown, so candidates showing equal scores are ordered by name.
    scores[i] = Math.round(score * 1000) / 1000;
    eligible[total++] = i;
  }

  const offset = Math.max(0, input.offset ?? 0);
  const limit = Math.max(0, input.limit ?? DEFAULT_CANDIDATE_LIMIT);
  const before = (a: number, b: number): boolean =>
    scores[a] !== scores[b] ? scores[a] > scores[b] : namedBefore(supporters[a], supporters[b]);
  const candidates = selectTop(eligible, total, offset + limit, before)
    .slice(offset)
    .map((i): RankedCandidate => {
      const person = supporters[i];
      const base = baseSchoolOf(context, person);
      return {
        personId: person.id,
        name: person.name,
        ...(base ? { schoolName: base.name } : {}),
        score: scores[i],
        reason: describeCandidate(context, person),
        profile: {
          designation: person.designation,
          specialisms: person.specialisms,
          phases: person.phases,
          daysPerYear: person.daysPerYear,
          freeDays: freeDays(person, input.workloads.get(person.id) ?? NO_WORKLOAD),
          contactDirectly: acceptsDirectContact(person),
        },
      };
    });
  return { candidates, total };
}

const names = new Intl.Collator('en-GB');

/** Ties go by name, then id, so the same data always gives the same order. */
function namedBefore(a: Person, b: Person): boolean {
  const byName = names.compare(a.name, b.name);
  return byName !== 0 ? byName < 0 : a.id < b.id;
}
