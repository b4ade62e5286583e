import { stringify, type Input, type Options } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"): a name
 * like `=HYPERLINK("https://evil.example","click")` would become a live link in a finance export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP's neutralisation: a leading apostrophe, which spreadsheets show as text and do not print. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse, for imports: a file this product exported reads back to the same values. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Every CSV the product writes goes through here, so no text cell can start a formula. */
export function writeCsv(rows: Input, options: Options = {}): string {
  return stringify(rows, { ...options, cast: { ...options.cast, string: (value) => neutraliseCell(value) } });
}
