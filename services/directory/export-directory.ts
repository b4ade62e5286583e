import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import type { DocumentStore } from '../store/document-store.js';
import { requireAlliance } from './directory-store.js';
import { SCHOOL_COLUMNS } from './import-schools.js';
import { LIST_SEPARATOR, PEOPLE_COLUMNS, yesNoCell } from './person-row.js';
import { writeCsv } from './csv-cells.js';

/** Writes an alliance's schools in the import format, ordered by URN, so the file round-trips. */
export async function exportSchools(store: DocumentStore, allianceId: string): Promise<string> {
  await requireAlliance(store, allianceId);
  const schools = await store.query<School>(allianceId, { type: 'school', orderBy: [{ field: 'urn' }] });
  return writeCsv(
    schools.map((s) => [s.urn, s.name, s.phase, s.localAuthority, s.postcode, s.trust, s.ofstedJudgement, s.ofstedDate]),
    { header: true, columns: [...SCHOOL_COLUMNS] },
  );
}

/** Writes an alliance's people in the import format, ordered by email; erased people are left out. */
export async function exportPeople(store: DocumentStore, allianceId: string): Promise<string> {
  await requireAlliance(store, allianceId);
  const people = await store.query<Person>(allianceId, { type: 'person', orderBy: [{ field: 'email' }] });
  return writeCsv(
    people
      .filter((p) => !p.erasedAt)
      .map((p) => [
        p.email, p.name, p.role, p.baseSchoolUrn, p.designation, p.specialisms.join(LIST_SEPARATOR),
        p.phases.join(LIST_SEPARATOR), p.daysPerYear, p.teamsAadObjectId, p.slackUserId, yesNoCell(p.contactDirectly),
      ]),
    { header: true, columns: PEOPLE_COLUMNS.map((c) => c.name) },
  );
}
