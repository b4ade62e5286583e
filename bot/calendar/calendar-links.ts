import { createHmac, timingSafeEqual } from 'node:crypto';

/** The web address of one person's visit calendar for one deployment. */
export type CalendarUrl = (allianceId: string, deploymentId: string, personId: string) => string;

export interface CalendarLinks {
  urlFor: CalendarUrl;
  /** Whether `signature` was made here for exactly this alliance, deployment and person. */
  verify(allianceId: string, deploymentId: string, personId: string, signature: string): boolean;
}

/**
 * Signed calendar addresses: the link itself is the permission, so Outlook or Google can subscribe
 * to it without signing in and pick up a changed plan. The signature covers alliance, deployment
 * and person; the server still checks the person is party to the deployment on every fetch, so a
 * link stops working for someone taken off it. The key is derived from the workspace secret.
 */
export function createCalendarLinks(secret: string, publicUrl: string): CalendarLinks {
  const key = createHmac('sha256', secret).update('visit-calendar-links').digest();
  const sign = (...parts: string[]) => createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
  return {
    urlFor: (allianceId, deploymentId, personId) =>
      `${publicUrl}/calendar/${[allianceId, deploymentId, personId].map(encodeURIComponent).join('/')}/visits.ics?sig=${sign(allianceId, deploymentId, personId)}`,
    verify(allianceId, deploymentId, personId, signature) {
      const expected = Buffer.from(sign(allianceId, deploymentId, personId));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
