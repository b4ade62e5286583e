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
  const parts = Object.fromEntries(ENGLAND_DAY.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// One formatter for every call: building a zoned date per call (as luxon does) is about 100 times
// slower, and pages such as impact ask for thousands of dates.
const ENGLAND_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
