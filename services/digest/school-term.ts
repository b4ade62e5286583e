import type { DateTime } from 'luxon';
import { inZone } from './iso-week.js';

export interface SchoolTerm {
  /** e.g. "Autumn term 2026" */
  name: string;
  start: Date;
  end: Date;
  /** First and last local dates, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
}

/**
 * The English school term `at` falls in, by fixed dates: autumn 1 September–31 December, spring
 * 1 January–31 March, summer 1 April–31 August. Real terms move with Easter and each school's
 * calendar; fixed dates cover the holidays without gaps and keep figures comparable year on year.
 */
export function termOf(at: Date, zone: string): SchoolTerm {
  const local = inZone(at, zone);
  const [season, startMonth, months] = local.month >= 9 ? ['Autumn', 9, 4] as const : local.month >= 4 ? ['Summer', 4, 5] as const : ['Spring', 1, 3] as const;
  const start = local.set({ month: startMonth, day: 1 }).startOf('day');
  const end = start.plus({ months });
  return { name: `${season} term ${local.year}`, start: start.toJSDate(), end: end.toJSDate(), firstDay: isoDate(start), lastDay: isoDate(end.minus({ days: 1 })) };
}

function isoDate(local: DateTime): string {
  return local.toISODate() as string;
}
