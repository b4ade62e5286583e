import type Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { createRequire } from 'node:module';

/** Visit reports are due within this many working days of the visit (design.md §3). */
export const REPORT_DUE_WORKING_DAYS = 5;

/**
 * England's holidays, loaded on the first date asked about: date-holidays carries every country's
 * rules and a time-zone database (about 25 MB in memory), which a process that never counts
 * working days should not hold.
 */
let england: Holidays | undefined;
const bankHolidaysByYear = new Map<number, Set<string>>();

function bankHolidays(year: number): Set<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    // Only public holidays close schools' offices; 'observance' days (Mother's Day) do not.
    england ??= new (createRequire(import.meta.url)('date-holidays') as typeof Holidays)('GB', 'ENG');
    days = new Set(england.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(date: string): boolean {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return day.weekday <= 5 && !bankHolidays(day.year).has(date);
}

/** The last day a report of a visit on `visitDate` is on time: the 5th working day after it. */
export function reportDueDate(visitDate: string): string {
  return addWorkingDays(visitDate, REPORT_DUE_WORKING_DAYS);
}

/**
 * Due dates are counted for every item shown on every turn (my requests, cards, the service-level
 * tick), mostly from the same few dates: each answer is kept, as it never changes.
 */
const added = new Map<string, string>();
const MAX_KEPT = 50_000;

/** The `count`th working day after `date` (both YYYY-MM-DD); 0 gives `date` itself. */
export function addWorkingDays(date: string, count: number): string {
  const key = `${date}+${count}`;
  let answer = added.get(key);
  if (answer === undefined) {
    if (added.size >= MAX_KEPT) added.clear();
    answer = countWorkingDays(date, count);
    added.set(key, answer);
  }
  return answer;
}

function countWorkingDays(date: string, count: number): string {
  let day = DateTime.fromISO(date, { zone: 'utc' });
  for (let counted = 0; counted < count;) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day.toISODate()!)) counted += 1;
  }
  return day.toISODate()!;
}
