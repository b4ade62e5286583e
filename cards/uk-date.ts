import { DateTime } from 'luxon';

// People write dates the British way ("14/12/2026", "14 Dec", "Mon 14 December 2026"); the domain
// stores YYYY-MM-DD. Anything that is not a date is passed on unchanged so the schema names it.

const WITH_YEAR = ['d/M/yyyy', 'd/M/yy', 'd-M-yyyy', 'd.M.yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'yyyy-MM-dd'];
const WITHOUT_YEAR = ['d/M', 'd MMM', 'd MMMM'];

/** YYYY-MM-DD for a date written in a UK format; a date without a year is the next one from `today`'s term (up to 2 months back). */
export function readUkDate(text: string, today: string): string {
  const cleaned = text.trim().replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+/i, '').replace(/(\d)(st|nd|rd|th)\b/i, '$1');
  for (const format of WITH_YEAR) {
    const date = DateTime.fromFormat(cleaned, format, { locale: 'en-GB', zone: 'utc' });
    if (date.isValid) return date.toISODate()!;
  }
  const now = DateTime.fromISO(today, { zone: 'utc' });
  for (const format of WITHOUT_YEAR) {
    const date = DateTime.fromFormat(cleaned, format, { locale: 'en-GB', zone: 'utc' }).set({ year: now.year });
    if (date.isValid) return (date < now.minus({ months: 2 }) ? date.plus({ years: 1 }) : date).toISODate()!;
  }
  // Written like a date but no such day (31/11/2026): passed on as one, for the schema to say it does not exist.
  const shaped = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cleaned);
  if (shaped) return `${shaped[3]}-${shaped[2].padStart(2, '0')}-${shaped[1].padStart(2, '0')}`;
  return text.trim();
}

/** Several dates in one answer, separated by commas, semicolons or new lines ("14/12/2026, 11 Jan"). */
export function readUkDates(text: string, today: string): string[] {
  return text.split(/[,;\n]+/).map((part) => part.trim()).filter(Boolean).map((part) => readUkDate(part, today));
}

/** "3 Dec, 14:05", a moment in UK time, how cards show when something happened. */
export function showUkTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'Europe/London', locale: 'en-GB' }).toFormat('d LLL, HH:mm');
}
