import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { ValidationError, type FieldProblem } from '../errors.js';
import { restoreCell } from './csv-cells.js';
import { stripInvisible } from '../domain/plain-text.js';

export interface ImportSource {
  /** Shown in every problem, as `fileName:line: column: message`. */
  fileName: string;
  text: string;
}

export interface ImportOptions {
  onProgress?: (line: string) => void;
  /** Check every row and count what would change, but write nothing (the workspace's preview). */
  dryRun?: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
}

/** A column of an import file; `optional` columns may be left out of the header altogether. */
export interface CsvColumn {
  name: string;
  optional?: boolean;
}

/** One data row: `line` is its first physical line in the file (the header is line 1). */
export interface CsvRow {
  line: number;
  /** Trimmed cell text by column name, for the columns the header has. */
  cells: Record<string, string>;
}

/** Collects every problem in a file so one run reports them all, each as `file:line: column: message`. */
export class CsvProblems {
  private readonly problems: Array<FieldProblem & { line: number }> = [];

  constructor(readonly fileName: string) {}

  add(line: number, column: string, message: string): void {
    this.problems.push({ line, field: `${this.fileName}:${line}: ${column}`, message });
  }

  /** Adds a zod failure, naming the CSV column that holds each failing field. */
  addIssues(line: number, issues: z.core.$ZodIssue[], columnOf: Record<string, string>): void {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? '');
      this.add(line, columnOf[field] ?? field, describeIssue(issue));
    }
  }

  throwIfAny(): void {
    const count = this.problems.length;
    if (count === 0) return;
    // Rows are checked in passes (the cell counts first), so sort back into file order.
    const inFileOrder = [...this.problems].sort((a, b) => a.line - b.line).map(({ field, message }) => ({ field, message }));
    throw new ValidationError(
      inFileOrder,
      `Nothing was imported: ${this.fileName} has ${count === 1 ? 'a problem' : `${count} problems`}.`,
    );
  }
}

/**
 * Parses CSV text and checks its header against `columns`. Header problems and malformed rows go
 * into `problems`; a file that is not CSV at all (an unclosed quote) yields no rows.
 */
export function readCsvRows(text: string, columns: readonly CsvColumn[], problems: CsvProblems): CsvRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // The typings do not model `info: true`, which wraps each record with its line count.
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    problems.add((error as CsvError & { lines?: number }).lines ?? 1, 'file', `not readable as CSV (${error.message})`);
    return [];
  }
  if (records.length === 0) {
    problems.add(1, 'header', `the file is empty; the first line must be: ${columns.map((c) => c.name).join(',')}`);
    return [];
  }
  const header = records[0].record.map((name) => name.trim().toLowerCase());
  if (!checkHeader(header, columns, problems)) return [];

  const rows: CsvRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const cells = record.map((cell) => stripInvisible(restoreCell(cell)).trim());
    // Spreadsheets leave rows of empty cells below the data.
    if (cells.every((cell) => cell === '')) continue;
    if (cells.length < header.length || cells.slice(header.length).some((cell) => cell !== '')) {
      problems.add(line, 'row', `has ${cells.length} cells but the header has ${header.length} columns`);
      continue;
    }
    rows.push({ line, cells: Object.fromEntries(header.map((name, index) => [name, cells[index]])) });
  }
  return rows;
}

function checkHeader(header: string[], columns: readonly CsvColumn[], problems: CsvProblems): boolean {
  const known = new Set(columns.map((c) => c.name));
  let ok = true;
  header.forEach((name, index) => {
    if (!known.has(name)) {
      problems.add(1, name || `column ${index + 1}`, `unknown column; the columns are ${[...known].join(', ')}`);
      ok = false;
    } else if (header.indexOf(name) !== index) {
      problems.add(1, name, 'the column appears twice');
      ok = false;
    }
  });
  for (const column of columns) {
    if (!column.optional && !header.includes(column.name)) {
      problems.add(1, column.name, 'missing column');
      ok = false;
    }
  }
  return ok;
}

/** Reports a repeated key (a URN or email) with the line where it first appeared, so the two can be compared. */
export function checkUnique(problems: CsvProblems, seen: Map<string, number>, key: string, line: number, column: string): void {
  const first = seen.get(key);
  if (first !== undefined) problems.add(line, column, `${key} is already on line ${first}`);
  else seen.set(key, line);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `${JSON.stringify(issue.input ?? '')} is not one of: ${issue.values.map(String).join(', ')}`;
  }
  return issue.message;
}

/** An empty cell means "no value". */
export function optionalCell(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
