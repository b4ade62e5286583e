import { DateTime } from 'luxon';
import { ConfigError, ValidationError } from '../errors.js';

/** English schools keep London time: the digest's weeks and terms follow it unless configured otherwise. */
export const DIGEST_TIME_ZONE = 'Europe/London';

/** An ISO week in a time zone: Monday 00:00 to the next Monday 00:00, 167–169 hours across a clock change. */
export interface IsoWeek {
  /** e.g. 2026-W48 */
  week: string;
  start: Date;
  end: Date;
  /** Monday and Sunday as local dates, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** `at` as a local time in `zone`; an unknown zone is a configuration mistake, not a date problem. */
export function inZone(at: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) throw new ConfigError(`Unknown time zone ${JSON.stringify(zone)}: use an IANA name such as Europe/London.`);
  return local;
}

/** The ISO week (e.g. 2026-W48) that `at` falls in, by the calendar in `zone`. */
export function isoWeekOf(at: Date, zone = DIGEST_TIME_ZONE): string {
  return weekName(inZone(at, zone));
}

/** The last full week before the one `at` falls in: the week a digest posted at `at` reports on. */
export function previousIsoWeek(at: Date, zone = DIGEST_TIME_ZONE): string {
  return weekName(inZone(at, zone).startOf('week').minus({ days: 1 }));
}

export function parseIsoWeek(week: string, zone = DIGEST_TIME_ZONE): IsoWeek {
  inZone(new Date(0), zone); // a bad zone is a ConfigError, not a bad week
  const match = WEEK_PATTERN.exec(week);
  // Luxon refuses week 53 of a 52-week year, so an impossible week is invalid rather than rolled over.
  const monday = match ? DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone }) : undefined;
  if (!monday?.isValid) {
    throw new ValidationError([{ field: 'week', message: `${JSON.stringify(week)} is not an ISO week; use one such as 2026-W48` }]);
  }
  const start = monday.startOf('day');
  return {
    week,
    start: start.toJSDate(),
    end: start.plus({ weeks: 1 }).toJSDate(),
    firstDay: start.toISODate() as string,
    lastDay: start.plus({ days: 6 }).toISODate() as string,
  };
}

function weekName(local: DateTime): string {
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}
