import type { Person } from '../domain/person.js';
import { phasesOverlap } from '../domain/phases.js';
import {
  baseSchoolOf,
  freeDays,
  locality,
  matchSpecialism,
  RECENT_WINDOW_DAYS,
  workloadOf,
  type MatchContext,
  type SchoolFacts,
  type Workload,
} from './match-scoring.js';

/** Reasons go on manager cards beside each candidate, so they stay one short line. */
export const MAX_REASON_LENGTH = 160;

/**
 * One plain-English line saying why a supporter was ranked where they were, e.g.
 * "maths, primary; 6 of 15 days free; rated 3.8/4 on 5 deployments; same local authority".
 * Specialisms appear as their ids throughout.
 */
export function describeCandidate(context: MatchContext, person: Person): string {
  const workload = workloadOf(context, person);
  const parts = [
    fitText(context, person),
    daysText(context, person, workload),
    ratingText(workload),
    workload.recentDeployments > 0 ? `${plural(workload.recentDeployments, 'deployment')} in the last ${RECENT_WINDOW_DAYS} days` : '',
    localityText(context, baseSchoolOf(context, person)),
  ].filter((part) => part !== '');
  const reason = parts.join('; ');
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}

function fitText(context: MatchContext, person: Person): string {
  const { specialisms, phase } = context.need;
  // With nothing asked for (a search by phase), say what the supporter offers instead.
  const bits: string[] = specialisms.length === 0 ? [...person.specialisms] : [];
  for (const asked of specialisms) {
    const match = matchSpecialism(asked, person.specialisms);
    if (match === 'exact') bits.push(asked);
    else if (match !== null) bits.push(`related: ${match} (asked for ${asked})`);
    else bits.push(`not ${asked}`);
  }
  if (phase !== null) {
    bits.push(phasesOverlap(phase, person.phases) ? phase : `${person.phases.join('/') || 'no phase given'} (asked for ${phase})`);
  }
  return bits.join(', ');
}

function daysText(context: MatchContext, person: Person, workload: Workload): string {
  const free = freeDays(person, workload);
  const wanted = context.need.daysWanted;
  const shortfall = wanted !== undefined && wanted > free ? `, ${wanted} wanted` : '';
  return `${formatNumber(free)} of ${formatNumber(person.daysPerYear)} days free${shortfall}`;
}

function ratingText(workload: Workload): string {
  if (workload.ratingCount === 0 || workload.ratingAverage === undefined) return 'not yet rated';
  return `rated ${formatNumber(workload.ratingAverage)}/4 on ${plural(workload.ratingCount, 'deployment')}`;
}

function localityText(context: MatchContext, base: SchoolFacts | undefined): string {
  switch (locality(context, base)) {
    case 'local-authority':
      return 'same local authority';
    case 'postcode-area':
      return `same postcode area (${context.requestingArea})`;
    case null:
      return '';
  }
}

/** One decimal place at most: 3.75 → "3.8", 4 → "4". */
function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
