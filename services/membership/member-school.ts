import { schoolId, type School } from '../domain/school.js';
import { withoutMeta, type Stored } from '../store/document-store.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import { ForbiddenError } from '../errors.js';
import { englandDate } from '../clock.js';
import { showDate } from '../domain/show-date.js';
import type { ServiceContext } from '../service-context.js';

/**
 * Refuses a new request for a school that has left the alliance; its records and deployments under
 * way stay. Returns the school as read (undefined when it is not in the directory), for the caller to show.
 */
export async function requireMemberSchool(ctx: ServiceContext, allianceId: string, urn: string): Promise<Stored<School> | undefined> {
  const found = await ctx.store.get<School>(allianceId, schoolId(urn));
  const school = found?.type === 'school' ? found : undefined;
  if (school?.leftAt) throw leftAllianceError({ name: school.name, leftAt: school.leftAt });
  return school;
}

/** What people of a school that left are told when they ask for support, search or message an expert. */
export function leftAllianceError(school: Pick<School, 'name'> & { leftAt: string }): ForbiddenError {
  const left = showDate(englandDate(new Date(school.leftAt)));
  return new ForbiddenError(`${school.name} left the alliance on ${left}, so it can no longer ask for support, search the directory or message experts here. Support already under way carries on as agreed.`);
}

/** A school that left is a member again (an approved request to rejoin): its heads may ask for support, its staff are offered. */
export async function readmitSchool(ctx: ServiceContext, school: Stored<School>): Promise<void> {
  const { leftAt: _left, ...rest } = withoutMeta(school);
  await ctx.store.replace<School>({ ...rest, updatedAt: ctx.clock.now().toISOString() }, school._etag);
  await noteDirectoryChange(ctx.store, school.allianceId, 'school', school.id);
}
