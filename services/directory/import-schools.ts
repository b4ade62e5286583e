import type { Clock } from '../clock.js';
import { phaseFromName } from '../domain/specialism-names.js';
import { schoolFieldsSchema, schoolId, type School, type SchoolFields } from '../domain/school.js';
import type { DocumentStore } from '../store/document-store.js';
import {
  checkUnique, CsvProblems, optionalCell, readCsvRows, type CsvRow, type ImportOptions, type ImportResult, type ImportSource,
} from './csv-rows.js';
import { definedOnly, documentsById, requireAlliance, saveAll } from './directory-store.js';

/** The schools file's columns, in the order export writes them. */
export const SCHOOL_COLUMNS = [
  'urn', 'name', 'phase', 'local_authority', 'postcode', 'trust', 'ofsted_judgement', 'ofsted_date',
] as const;

const COLUMN_OF: Record<keyof SchoolFields, (typeof SCHOOL_COLUMNS)[number]> = {
  urn: 'urn',
  name: 'name',
  phase: 'phase',
  localAuthority: 'local_authority',
  postcode: 'postcode',
  trust: 'trust',
  ofstedJudgement: 'ofsted_judgement',
  ofstedDate: 'ofsted_date',
};

/** Every field the file carries, so an emptied cell clears the stored value. */
const CLEARED = Object.fromEntries(Object.keys(COLUMN_OF).map((field) => [field, undefined]));

/**
 * Imports a schools CSV into an alliance, all or nothing: every row is checked first and any
 * problem stops the import before anything is written. Re-importing updates schools by URN.
 */
export async function importSchools(
  store: DocumentStore,
  clock: Clock,
  allianceId: string,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  await requireAlliance(store, allianceId);
  const problems = new CsvProblems(source.fileName);
  const rows = readCsvRows(source.text, SCHOOL_COLUMNS.map((name) => ({ name })), problems);
  const seen = new Map<string, number>();
  const parsed: SchoolFields[] = [];
  for (const row of rows) {
    const result = schoolFieldsSchema.safeParse(schoolInput(row), { reportInput: true });
    if (!result.success) problems.addIssues(row.line, result.error.issues, COLUMN_OF);
    else {
      checkUnique(problems, seen, result.data.urn, row.line, 'urn');
      parsed.push(result.data);
    }
  }
  problems.throwIfAny();
  options.onProgress?.(`${source.fileName}: no problems found; writing…`);

  const existing = await documentsById<School>(store, allianceId, 'school');
  const updatedAt = clock.now().toISOString();
  const docs = parsed.map((fields): School => {
    const id = schoolId(fields.urn);
    return definedOnly({ ...existing.get(id), ...CLEARED, ...fields, id, allianceId, type: 'school', updatedAt });
  });
  const updated = docs.filter((doc) => existing.has(doc.id)).length;
  if (options.dryRun) return { created: docs.length - updated, updated };
  await saveAll(store, docs);
  return { created: docs.length - updated, updated };
}

function schoolInput(row: CsvRow): Record<string, unknown> {
  const { cells } = row;
  return {
    urn: cells.urn,
    name: cells.name,
    // Spreadsheets from GIAS say "Primary" or "Secondary school"; store the canonical id.
    phase: phaseFromName(cells.phase) ?? cells.phase,
    localAuthority: optionalCell(cells.local_authority),
    postcode: optionalCell(cells.postcode),
    trust: optionalCell(cells.trust),
    ofstedJudgement: ofstedInput(optionalCell(cells.ofsted_judgement)),
    ofstedDate: dateInput(optionalCell(cells.ofsted_date)),
  };
}

/** "Requires improvement" and "RI" become `requires-improvement`; anything else is checked as written. */
function ofstedInput(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const slug = value.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
  return slug === 'ri' ? 'requires-improvement' : slug;
}

/** Spreadsheets save dates the English way (31/01/2024); store them as ISO dates. */
function dateInput(value: string | undefined): string | undefined {
  const english = value?.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return english ? `${english[3]}-${english[2].padStart(2, '0')}-${english[1].padStart(2, '0')}` : value;
}
