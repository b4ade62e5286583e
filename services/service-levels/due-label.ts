import { DateTime } from 'luxon';

/**
 * How a due date reads next to an item, as of `today` (both YYYY-MM-DD, England):
 * "due Thu 10 Dec", "due today", "1 day overdue", "2 days overdue".
 */
export function describeDue(dueDate: string, today: string): string {
  if (dueDate === today) return 'due today';
  const due = DateTime.fromISO(dueDate, { zone: 'utc' }).setLocale('en-GB');
  if (dueDate > today) return `due ${due.toFormat('ccc d LLL')}`;
  const late = Math.round(DateTime.fromISO(today, { zone: 'utc' }).diff(due, 'days').days);
  return `${late} ${late === 1 ? 'day' : 'days'} overdue`;
}
