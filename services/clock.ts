import { DateTime } from 'luxon';

/** Time comes through a clock so tests can fix it (digest weeks, overdue reports). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => { current = new Date(next); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
}

/**
 * Today's date in England as YYYY-MM-DD: the calendar the schools are on, so "a visit today",
 * "overdue today" and "not in the past" mean England's day, not UTC's.
 */
export function englandDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/London' }).toISODate()!;
}
