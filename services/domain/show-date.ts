import { DateTime } from 'luxon';

/** "Mon 14 Dec 2026": how people are shown a date (YYYY-MM-DD), in cards, pages and messages. */
export function showDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-GB' });
  return date.isValid ? date.toFormat('ccc d LLL yyyy') : isoDate;
}
