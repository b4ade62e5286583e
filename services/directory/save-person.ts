import type { Clock } from '../clock.js';
import { personFieldsSchema, type Person } from '../domain/person.js';
import { newPersonId, personInAllianceWithEmail } from '../identity/email-index.js';
import { schoolId, type School } from '../domain/school.js';
import { ConcurrencyError, DuplicateError, ForbiddenError, ValidationError } from '../errors.js';
import { indexPersonIdentities } from '../identity/identity-index.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import { withoutMeta, type DocumentStore, type Stored } from '../store/document-store.js';
import { definedOnly, requireAlliance } from './directory-store.js';
import { CLEARED_PERSON_FIELDS } from './import-people.js';

/**
 * Adds or edits one person with the same checks as a people CSV row: the person schema, and a base
 * school that is in the alliance. An edit names the version it started from, so two managers
 * editing the same person cannot silently overwrite each other.
 */
export async function savePerson(
  store: DocumentStore,
  clock: Clock,
  allianceId: string,
  input: unknown,
  /** The version the edit started from; null for "add", which refuses someone already there. */
  expectedEtag?: string | null,
): Promise<{ person: Stored<Person>; created: boolean }> {
  await requireAlliance(store, allianceId);
  const parsed = personFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'email'), message: issue.message })));
  }
  const fields = parsed.data;
  if (fields.baseSchoolUrn && !(await store.get<School>(allianceId, schoolId(fields.baseSchoolUrn)))) {
    throw new ValidationError([{ field: 'baseSchoolUrn', message: `no school with URN ${fields.baseSchoolUrn} in this alliance; add the school first` }]);
  }
  const existing = await personInAllianceWithEmail(store, allianceId, fields.email);
  if (existing?.erasedAt) throw new ForbiddenError('This person asked for their data to be erased; they cannot be edited.');
  if (expectedEtag === null && existing) throw new DuplicateError(`${existing.name} (${fields.email})`);
  if (typeof expectedEtag === 'string' && existing?._etag !== expectedEtag) throw new ConcurrencyError(fields.name);
  const updatedAt = clock.now().toISOString();
  const doc = definedOnly({
    ...(existing ? withoutMeta(existing) : {}), ...CLEARED_PERSON_FIELDS, ...definedOnly(fields),
    id: existing?.id ?? newPersonId(), allianceId, type: 'person', updatedAt,
  }) as Person;
  const person = existing ? await store.replace<Person>(doc, existing._etag) : await store.create<Person>(doc);
  await indexPersonIdentities(store, person, existing, updatedAt);
  // Searches on every instance see the edit at once (directory-snapshot.ts).
  await noteDirectoryChange(store, allianceId, 'person', person.id);
  return { person, created: !existing };
}
