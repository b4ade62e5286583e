import { DESIGNATIONS, DESIGNATION_LABELS } from '../domain/designations.js';
import { PHASES } from '../domain/phases.js';
import { personFieldsSchema, type PersonFields } from '../domain/person.js';
import { normaliseName, phaseFromName, specialismFromName } from '../domain/specialism-names.js';
import { SPECIALISMS } from '../domain/specialisms.js';
import { optionalCell, type CsvColumn, type CsvProblems, type CsvRow } from './csv-rows.js';

/** The people file's columns, in the order export writes them. The channel ids may be left out. */
export const PEOPLE_COLUMNS = [
  { name: 'email' }, { name: 'name' }, { name: 'role' }, { name: 'base_school_urn' }, { name: 'designation' },
  { name: 'specialisms' }, { name: 'phases' }, { name: 'days_per_year' },
  { name: 'teams_aad_object_id', optional: true }, { name: 'slack_user_id', optional: true },
  { name: 'contact_directly', optional: true },
] as const satisfies readonly CsvColumn[];

export const COLUMN_OF: Record<keyof PersonFields, string> = {
  email: 'email',
  name: 'name',
  role: 'role',
  baseSchoolUrn: 'base_school_urn',
  designation: 'designation',
  specialisms: 'specialisms',
  phases: 'phases',
  daysPerYear: 'days_per_year',
  teamsAadObjectId: 'teams_aad_object_id',
  slackUserId: 'slack_user_id',
  contactDirectly: 'contact_directly',
};

/** Lists in a cell are separated by semicolons, so commas never need quoting. */
export const LIST_SEPARATOR = ';';

/**
 * Turns one row into person fields, adding a problem for each cell at fault. Names are mapped to
 * ids by exact alias only: an unknown name is an error that lists the ids, never a guess.
 */
export function parsePersonRow(row: CsvRow, problems: CsvProblems): PersonFields | undefined {
  const { cells, line } = row;
  const faulty = new Set<string>();
  const fail = (column: string, message: string) => {
    faulty.add(column);
    problems.add(line, column, message);
  };

  const role = cells.role.toLowerCase();
  const designation = optionalCell(cells.designation);
  if (designation && (role === 'head' || role === 'manager')) {
    fail('designation', `leave empty for a ${role}; designations belong to supporters`);
  }
  const input = {
    email: cells.email,
    name: cells.name,
    role,
    baseSchoolUrn: optionalCell(cells.base_school_urn),
    designation: designation && designationFromName(designation),
    specialisms: namesToIds(cells.specialisms, specialismFromName, (bad) =>
      fail('specialisms', `unknown specialism "${bad}"; use one of: ${SPECIALISMS.join(', ')}`)),
    phases: namesToIds(cells.phases, phaseFromName, (bad) =>
      fail('phases', `unknown phase "${bad}"; use one of: ${PHASES.join(', ')}`)),
    daysPerYear: daysInput(optionalCell(cells.days_per_year), (message) => fail('days_per_year', message)),
    teamsAadObjectId: optionalCell(cells.teams_aad_object_id),
    slackUserId: optionalCell(cells.slack_user_id),
    contactDirectly: yesNoInput(optionalCell(cells.contact_directly), (message) => fail('contact_directly', message)),
  };
  const result = personFieldsSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    // A cell already reported (say, an unknown specialism) would only echo here as "needs at least one".
    problems.addIssues(line, result.error.issues.filter((issue) => !faulty.has(COLUMN_OF[issue.path[0] as keyof PersonFields])), COLUMN_OF);
    return undefined;
  }
  return faulty.size ? undefined : result.data;
}

/** Accepts a designation's id in any case or its full title ("Specialist Leader of Education"). */
function designationFromName(name: string): string {
  const key = normaliseName(name);
  return DESIGNATIONS.find((d) => normaliseName(d) === key || normaliseName(DESIGNATION_LABELS[d]) === key) ?? name;
}

function namesToIds<Id extends string>(cell: string, lookup: (name: string) => Id | undefined, unknown: (name: string) => void): Id[] {
  const ids = new Set<Id>();
  for (const name of cell.split(LIST_SEPARATOR).map((part) => part.trim()).filter(Boolean)) {
    const id = lookup(name);
    if (id) ids.add(id);
    else unknown(name);
  }
  return [...ids];
}

function daysInput(value: string | undefined, fail: (message: string) => void): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  fail(`"${value}" is not a whole number of days`);
  return undefined;
}

/** yes/no (or true/false, y/n); empty leaves the designation's default. */
function yesNoInput(value: string | undefined, fail: (message: string) => void): boolean | undefined {
  if (value === undefined) return undefined;
  const answer = value.toLowerCase();
  if (['yes', 'y', 'true'].includes(answer)) return true;
  if (['no', 'n', 'false'].includes(answer)) return false;
  fail(`"${value}" is not yes or no; leave it empty for the default (yes, except for SLEs)`);
  return undefined;
}

/** The cell export writes: empty when the person has the default. */
export function yesNoCell(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'yes' : 'no';
}
