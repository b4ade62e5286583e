import { schoolId, type School } from '../domain/school.js';
import { ForbiddenError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';

/** Refuses a new request for a school that has left the alliance; its records and deployments under way stay. */
export async function requireMemberSchool(ctx: ServiceContext, allianceId: string, urn: string): Promise<void> {
  const school = await ctx.store.get<School>(allianceId, schoolId(urn));
  if (school?.type === 'school' && school.leftAt) {
    throw new ForbiddenError(`${school.name} left the alliance on ${school.leftAt.slice(0, 10)}, so it can no longer ask for support here. Support already under way carries on as agreed.`);
  }
}
