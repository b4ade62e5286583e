import type { Deployment, DeploymentStatus } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import type { School } from '../../../services/domain/school.js';
import type { Workload } from '../../../services/matching/match-scoring.js';
import { rankPage, type RankedPage, type RankInput } from '../../../services/matching/rank-supporters.js';

export const ALLIANCE = 'aire-valley';
/** The school asking for support: Leeds, LS postcode area, in Aire Trust. */
export const REQUESTING_URN = '100001';
/** A base school with nothing in common with the requesting school. */
export const ELSEWHERE_URN = '200001';

export function school(urn: string, fields: Partial<School> = {}): School {
  return {
    id: `school-${urn}`, allianceId: ALLIANCE, type: 'school', urn, name: `School ${urn}`, phase: 'primary',
    updatedAt: '2025-09-01T00:00:00.000Z', ...fields,
  };
}

export const SCHOOLS: School[] = [
  school(REQUESTING_URN, { name: 'Aire Primary', localAuthority: 'Leeds', postcode: 'LS6 1AA', trust: 'Aire Trust' }),
  school(ELSEWHERE_URN, { name: 'Bradford Juniors', localAuthority: 'Bradford', postcode: 'BD1 1AA' }),
];

/** A maths, primary SLE based elsewhere with 15 days a year: each test changes what it is about. */
export function supporter(name: string, fields: Partial<Person> = {}): Person {
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  return {
    id: `person-${slug}`, allianceId: ALLIANCE, type: 'person', email: `${slug}@example.org`, name, role: 'supporter',
    designation: 'SLE', baseSchoolUrn: ELSEWHERE_URN, specialisms: ['maths'], phases: ['primary'], daysPerYear: 15,
    updatedAt: '2025-09-01T00:00:00.000Z', ...fields,
  };
}

export function workload(fields: Partial<Workload> = {}): Workload {
  return { daysCommitted: 0, recentDeployments: 0, ratingCount: 0, ...fields };
}

let sequence = 0;

/** A deployment of `supporterId` from the elsewhere school to the requesting school. */
export function deployment(supporterId: string, status: DeploymentStatus, createdAt: string, daysCommitted: number, effectivenessRating?: number): Deployment {
  sequence += 1;
  return {
    id: `deployment-${sequence}`, allianceId: ALLIANCE, type: 'deployment', requestId: `request-${sequence}`,
    requestReference: `S2S-2026-${String(sequence).padStart(4, '0')}`, supporterId, schoolUrn: REQUESTING_URN, schoolHeadIds: [], baseSchoolUrn: ELSEWHERE_URN,
    designation: 'SLE', dayRate: 250, daysCommitted, status, proposedAt: createdAt, createdAt, updatedAt: createdAt, history: [],
    ...(effectivenessRating === undefined ? {} : { effectivenessRating }),
  };
}

export interface RankOverrides extends Partial<Omit<RankInput, 'supporters' | 'workloads' | 'schools'>> {
  /** Workloads by supporter name, for readability. */
  workloads?: Record<string, Workload>;
  schools?: School[];
}

/** A maths, primary, 3-day need from the requesting school unless told otherwise. */
export function rankInput(supporters: Person[], overrides: RankOverrides = {}): RankInput {
  const { workloads = {}, schools = SCHOOLS, ...rest } = overrides;
  const byName = new Map(supporters.map((person) => [person.name, person.id]));
  return {
    need: { specialisms: ['maths'], phase: 'primary', daysWanted: 3, schoolUrn: REQUESTING_URN },
    supporters,
    schools: new Map(schools.map((s) => [s.urn, s])),
    workloads: new Map(Object.entries(workloads).map(([name, load]) => [byName.get(name) ?? name, load])),
    limit: 50,
    ...rest,
  };
}

export function rank(supporters: Person[], overrides: RankOverrides = {}): RankedPage {
  return rankPage(rankInput(supporters, overrides));
}

export function namesOf(page: RankedPage): string[] {
  return page.candidates.map((candidate) => candidate.name);
}
