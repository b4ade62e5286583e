import { DateTime } from 'luxon';
import type { Deployment } from '../domain/deployment.js';
import type { DigestNames } from './digest-names.js';
import type { UpcomingVisits } from './weekly-digest.js';

const VISITS_SHOWN = 10;

/**
 * Visits in the two weeks after the reported one (the week the digest is posted in, and the next),
 * from the visit dates of agreed plans on deployments that are planned or under way.
 */
export async function upcomingVisits(underWay: Deployment[], lastDayReported: string, names: DigestNames): Promise<UpcomingVisits> {
  const day = (offset: number) => DateTime.fromISO(lastDayReported).plus({ days: offset }).toISODate() as string;
  const [thisWeekFrom, nextWeekFrom, nextWeekTo] = [day(1), day(8), day(14)];
  const visits = underWay
    .flatMap((deployment) => (deployment.plan?.visitDates ?? []).map((date) => ({ date, deployment })))
    .filter(({ date }) => date >= thisWeekFrom && date <= nextWeekTo)
    .sort((a, b) => a.date.localeCompare(b.date) || a.deployment.requestReference.localeCompare(b.deployment.requestReference));
  return {
    thisWeek: visits.filter(({ date }) => date < nextWeekFrom).length,
    nextWeek: visits.filter(({ date }) => date >= nextWeekFrom).length,
    shown: await Promise.all(visits.slice(0, VISITS_SHOWN).map(async ({ date, deployment }) => ({
      date,
      reference: deployment.requestReference,
      school: await names.school(deployment.schoolUrn),
      supporter: await names.person(deployment.supporterId),
    }))),
  };
}
