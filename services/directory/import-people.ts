import type { Clock } from '../clock.js';
import type { Person, PersonFields } from '../domain/person.js';
import type { School } from '../domain/school.js';
import type { DocumentStore } from '../store/document-store.js';
import { idsByEmail, newPersonId } from '../identity/email-index.js';
import { indexPersonIdentities } from '../identity/identity-index.js';
import { checkUnique, CsvProblems, readCsvRows, type ImportOptions, type ImportResult, type ImportSource } from './csv-rows.js';
import { definedOnly, documentsById, requireAlliance, saveAll } from './directory-store.js';
import { parsePersonRow, PEOPLE_COLUMNS } from './person-row.js';

/**
 * Fields the file always carries, so an emptied cell clears them. The channel ids are left out:
 * the bot also learns them when someone first messages it, and an empty cell must not forget that.
 */
export const CLEARED_PERSON_FIELDS: Partial<Record<keyof PersonFields, undefined>> = {
  name: undefined,
  role: undefined,
  baseSchoolUrn: undefined,
  designation: undefined,
  specialisms: undefined,
  phases: undefined,
  daysPerYear: undefined,
  contactDirectly: undefined,
};

const PROGRESS_EVERY = 2000;

/**
 * Imports a people CSV into an alliance, all or nothing: every row is checked (including that its
 * base school was imported before) and any problem stops the import before anything is written.
 * Re-importing updates people by email.
 */
export async function importPeople(
  store: DocumentStore,
  clock: Clock,
  allianceId: string,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  await requireAlliance(store, allianceId);
  const schools = await documentsById<School>(store, allianceId, 'school');
  const urns = new Set([...schools.values()].map((school) => school.urn));
  const problems = new CsvProblems(source.fileName);
  const rows = readCsvRows(source.text, PEOPLE_COLUMNS, problems);
  const seen = new Map<string, number>();
  const parsed: PersonFields[] = [];
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % PROGRESS_EVERY === 0) options.onProgress?.(`${source.fileName}: ${index} of ${rows.length} rows checked`);
    const person = parsePersonRow(row, problems);
    if (!person) continue;
    checkUnique(problems, seen, person.email, row.line, 'email');
    if (person.baseSchoolUrn && !urns.has(person.baseSchoolUrn)) {
      problems.add(row.line, 'base_school_urn',
        `no school with URN ${person.baseSchoolUrn} in alliance ${allianceId}; import the schools file first`);
    }
    parsed.push(person);
  }
  problems.throwIfAny();
  options.onProgress?.(`${source.fileName}: no problems found; writing…`);

  const existing = await documentsById<Person>(store, allianceId, 'person');
  const ids = idsByEmail(existing.values());
  const updatedAt = clock.now().toISOString();
  const docs = parsed.map((fields) => {
    const id = ids.get(fields.email) ?? newPersonId();
    return definedOnly({ ...existing.get(id), ...CLEARED_PERSON_FIELDS, ...definedOnly(fields), id, allianceId, type: 'person', updatedAt }) as Person;
  });
  const updated = docs.filter((doc) => existing.has(doc.id)).length;
  if (options.dryRun) return { created: docs.length - updated, updated };
  await saveAll(store, docs);
  for (const doc of docs) await indexPersonIdentities(store, doc, existing.get(doc.id), updatedAt);
  return { created: docs.length - updated, updated };
}
