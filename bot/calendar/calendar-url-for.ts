import type { Deployment } from '../../services/domain/deployment.js';
import type { CalendarUrl } from './calendar-links.js';

/** The person's calendar address for an agreed plan, when they are its supporter or a head speaking for its school. */
export function calendarUrlFor(calendarUrl: CalendarUrl | undefined, deployment: Deployment, personId: string): string | undefined {
  const attends = personId === deployment.supporterId || deployment.schoolHeadIds.includes(personId);
  return calendarUrl && attends && deployment.plan?.status === 'confirmed' ? calendarUrl(deployment.allianceId, deployment.id, personId) : undefined;
}
