import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Deployment } from '../domain/deployment.js';

export interface CalendarOptions {
  /** The supported school, shown in each event. */
  schoolName?: string;
  now: Date;
}

/**
 * The agreed plan's visits as an iCalendar file: one all-day event per visit, so Outlook and Google
 * add them to the supporter's and the head's calendars. The n-th visit keeps its UID whatever its
 * date, and SEQUENCE follows the plan's version, so importing a changed plan moves the events rather
 * than adding new ones; once the deployment ends, the visits it records as not made
 * (`cancelledVisits`, see visitsNotMade) are sent again as cancelled.
 * Holds no one's name, only the request reference and the school.
 */
export function visitCalendar(deployment: Deployment, options: CalendarOptions): string {
  const plan = deployment.plan;
  const calendar = ical({
    name: `School-to-school support ${deployment.requestReference}`,
    prodId: { company: 's2s-bot', product: 'visit-calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  if (!plan || plan.status !== 'confirmed') return calendar.toString();
  const ended = deployment.cancelledVisits !== undefined;
  const cancelledVisits = new Set(deployment.cancelledVisits);
  const where = options.schoolName ? ` at ${options.schoolName}` : '';
  [...plan.visitDates].sort().forEach((visitDate, index) => {
    const cancelled = cancelledVisits.has(visitDate);
    calendar.createEvent({
      id: `${deployment.id}-visit-${index + 1}@s2s-bot`,
      start: new Date(`${visitDate}T00:00:00Z`),
      allDay: true,
      summary: `Support visit ${index + 1} of ${plan.visitDates.length}: ${deployment.requestReference}${where}`,
      description: `School-to-school support visit for ${deployment.requestReference}. Report the visit within 5 working days.`,
      // A change of plan is a new version; ending the deployment early outranks every version.
      sequence: plan.version + (ended ? 1 : 0),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: options.now,
    });
  });
  return calendar.toString();
}
