import type { MembershipRequest } from '../domain/membership.js';
import type { Person } from '../domain/person.js';
import { schoolId, type School } from '../domain/school.js';
import type { SupportRequest } from '../domain/support-request.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import { writeAudit } from '../privacy/person-records.js';
import { closeRequest } from '../requests/close-request.js';
import type { ServiceContext } from '../service-context.js';
import { withoutMeta, type Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { leavingImpact } from './leaving-impact.js';

/** What the school's waiting requests are closed with; the head and the manager channel read it. */
export const LEFT_ALLIANCE_REASON = 'The school left the alliance.';

export interface LeftAlliance {
  school: Stored<School>;
  closed: Array<Stored<SupportRequest>>;
  continuing: number;
}

/**
 * An approved request to leave. The school is marked as having left, and nothing is deleted: its
 * requests, deployments, reports and costs stay for finance and history, and its heads stay in the
 * directory to follow the support already under way. From now on:
 * - its heads cannot ask for support or a diagnostic in this alliance (requireMemberSchool);
 * - its requests still waiting for a match are closed with LEFT_ALLIANCE_REASON, through the close
 *   service, so the head and the manager channel are told as for any close;
 * - deployments under way (proposed, accepted, planned, active) run to completion;
 * - its staff are no longer offered as supporters in searches and matches (directory-snapshot.ts).
 * Other alliances the school belongs to keep their own school record and are untouched. Every
 * step is idempotent, so approving again finishes a leaving that stopped part-way.
 */
export async function leaveAlliance(ctx: ServiceContext, request: MembershipRequest, manager: Stored<Person>): Promise<LeftAlliance> {
  const found = await getRecord(ctx, request.allianceId, schoolId(request.school.urn), 'school');
  let school = found;
  if (!found.leftAt) {
    const at = ctx.clock.now().toISOString();
    school = await ctx.store.replace<School>({ ...withoutMeta(found), leftAt: at, updatedAt: at }, found._etag);
    // Searches on every instance hold schools: they see it at once (directory-snapshot.ts).
    await noteDirectoryChange(ctx.store, school.allianceId, 'school', school.id);
  }
  const { requestsToClose, deploymentsUnderWay } = await leavingImpact(ctx, request.allianceId, school.urn);
  const closed: Array<Stored<SupportRequest>> = [];
  for (const waiting of requestsToClose) closed.push(await closeRequest(ctx, manager, waiting.id, { reason: LEFT_ALLIANCE_REASON }));
  // Approving again after everything was done has nothing new to record.
  if (found.leftAt && closed.length === 0) return { school, closed, continuing: deploymentsUnderWay.length };
  await writeAudit(ctx, {
    allianceId: request.allianceId, by: manager.id, action: 'membership-leave', subject: school.id,
    note: `${school.name} (${school.urn}) left; closed ${closed.map((r) => r.reference).join(', ') || 'no requests'}; ${deploymentsUnderWay.length} deployment(s) under way continue`,
  });
  return { school, closed, continuing: deploymentsUnderWay.length };
}
