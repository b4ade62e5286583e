import { schoolId, type School } from '../domain/school.js';
import type { Stored } from '../store/document-store.js';
import { ForbiddenError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';

/**
 * Refuses a new request for a school that has left the alliance; its records and deployments under
 * way stay. Returns the school as read (undefined when it is not in the directory), for the caller to show.
 */
export async function requireMemberSchool(ctx: ServiceContext, allianceId: string, urn: string): Promise<Stored<School> | undefined> {
  const found = await ctx.store.get<School>(allianceId, schoolId(urn));
  const school = found?.type === 'school' ? found : undefined;
  if (school?.leftAt) {
    throw new ForbiddenError(`${school.name} left the alliance on ${school.leftAt.slice(0, 10)}, so it can no longer ask for support here. Support already under way carries on as agreed.`);
  }
  return school;
}
