import { academicYearOf } from '../domain/academic-year.js';
import { directorySnapshot } from '../matching/directory-snapshot.js';
import { NO_WORKLOAD } from '../matching/match-scoring.js';
import type { ServiceContext } from '../service-context.js';

export interface SupporterShare {
  personId: string;
  name: string;
  baseSchool: string;
  daysOffered: number;
  /** Days in deployments made this academic year (proposed onwards, not declined or cancelled). */
  daysGiven: number;
}

export interface BaseSchoolShare {
  urn: string;
  name: string;
  supporters: number;
  daysOffered: number;
  daysGiven: number;
}

export interface Fairness {
  yearLabel: string;
  /** Most days given first. */
  supporters: SupporterShare[];
  baseSchools: BaseSchoolShare[];
}

/**
 * Who gives the alliance's days this academic year, per supporter and per base school, from the
 * matcher's in-memory directory (the same figures that lower a busy supporter's rank).
 */
export async function fairness(ctx: ServiceContext, allianceId: string): Promise<Fairness> {
  const now = ctx.clock.now();
  const snapshot = await directorySnapshot(ctx.store, allianceId, now);
  const { workloads } = snapshot;
  const supporters = snapshot.supporters.map((person): SupporterShare => ({
    personId: person.id,
    name: person.name,
    baseSchool: (person.baseSchoolUrn && snapshot.schools.get(person.baseSchoolUrn)?.name) || 'no base school',
    daysOffered: person.daysPerYear,
    daysGiven: (workloads.get(person.id) ?? NO_WORKLOAD).daysCommitted,
  })).sort((a, b) => b.daysGiven - a.daysGiven || a.name.localeCompare(b.name));
  const schools = new Map<string, BaseSchoolShare>();
  for (const person of snapshot.supporters) {
    if (!person.baseSchoolUrn) continue;
    const school = schools.get(person.baseSchoolUrn) ?? { urn: person.baseSchoolUrn, name: snapshot.schools.get(person.baseSchoolUrn)?.name ?? person.baseSchoolUrn, supporters: 0, daysOffered: 0, daysGiven: 0 };
    school.supporters += 1;
    school.daysOffered += person.daysPerYear;
    school.daysGiven += (workloads.get(person.id) ?? NO_WORKLOAD).daysCommitted;
    schools.set(person.baseSchoolUrn, school);
  }
  return {
    yearLabel: academicYearOf(now).label,
    supporters,
    baseSchools: [...schools.values()].sort((a, b) => b.daysGiven - a.daysGiven || a.name.localeCompare(b.name)),
  };
}
