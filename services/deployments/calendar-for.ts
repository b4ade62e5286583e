import { schoolId } from '../domain/school.js';
import type { ServiceContext } from '../service-context.js';
import { visitCalendar } from '../service-levels/visit-calendar.js';
import { findRecord } from '../store/get-record.js';
import { partyOf } from './deployment-parties.js';

/**
 * The visit calendar (.ics) of a deployment for one person, or undefined unless they are its
 * supporter or a head speaking for its school now (so a link stops working for someone taken off it).
 */
export async function calendarFor(ctx: ServiceContext, allianceId: string, deploymentId: string, personId: string): Promise<string | undefined> {
  const [deployment, person] = await Promise.all([
    findRecord(ctx, allianceId, deploymentId, 'deployment'),
    findRecord(ctx, allianceId, personId, 'person'),
  ]);
  const party = deployment && person ? partyOf(person, deployment) : undefined;
  if (!deployment || (party !== 'supporter' && party !== 'school')) return undefined;
  const school = await findRecord(ctx, allianceId, schoolId(deployment.schoolUrn), 'school');
  return visitCalendar(deployment, { ...(school ? { schoolName: school.name } : {}), now: ctx.clock.now() });
}
