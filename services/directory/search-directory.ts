import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import { SPECIALISM_LABELS } from '../domain/specialisms.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export interface DirectoryListing {
  people: Array<Stored<Person>>;
  schools: Array<Stored<School>>;
  /** How many there are before the search, so the page can say "3 of 312". */
  totals: { people: number; schools: number };
}

/** Words a person or school is found by: names, email, URN, local authority, specialisms, designation. */
function personText(person: Person, schools: Map<string, School>): string {
  const base = person.baseSchoolUrn ? schools.get(person.baseSchoolUrn)?.name : '';
  return [person.name, person.email, person.role, person.designation, base, ...person.specialisms.map((s) => `${s} ${SPECIALISM_LABELS[s]}`)].join(' ').toLowerCase();
}

function schoolText(school: School): string {
  return [school.name, school.urn, school.localAuthority, school.trust, school.postcode, school.phase].join(' ').toLowerCase();
}

/** The alliance's people and schools (erased people left out) matching every word of `search`, by name. */
export async function searchDirectory(ctx: ServiceContext, allianceId: string, search: string): Promise<DirectoryListing> {
  const [people, schools] = await Promise.all([
    ctx.store.query<Person>(allianceId, { type: 'person', where: [{ field: 'erasedAt', op: 'eq', value: null }], orderBy: [{ field: 'name' }] }),
    ctx.store.query<School>(allianceId, { type: 'school', orderBy: [{ field: 'name' }] }),
  ]);
  const byUrn = new Map(schools.map((s) => [s.urn, s]));
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((word) => text.includes(word));
  return {
    people: people.filter((p) => matches(personText(p, byUrn))),
    schools: schools.filter((s) => matches(schoolText(s))),
    totals: { people: people.length, schools: schools.length },
  };
}
