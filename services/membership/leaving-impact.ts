import { WAITING_STATUSES } from '../digest/digest-records.js';
import type { Deployment } from '../domain/deployment.js';
import type { SupportRequest } from '../domain/support-request.js';
import { UNDELIVERED } from '../requests/end-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** What a school's leaving changes, for the manager deciding it and for the leaving itself. */
export interface LeavingImpact {
  /** The school's requests still waiting for a match: leaving closes them. */
  requestsToClose: Array<Stored<SupportRequest>>;
  /** Deployments not yet delivered that the school receives or its staff give: they run to completion. */
  deploymentsUnderWay: Array<Stored<Deployment>>;
}

export async function leavingImpact(ctx: ServiceContext, allianceId: string, urn: string): Promise<LeavingImpact> {
  const requestsToClose = await ctx.store.query<SupportRequest>(allianceId, {
    type: 'supportRequest',
    where: [{ field: 'schoolUrn', op: 'eq', value: urn }, { field: 'status', op: 'in', value: [...WAITING_STATUSES] }],
    orderBy: [{ field: 'createdAt' }],
  });
  const underWay = (field: 'schoolUrn' | 'baseSchoolUrn') => ctx.store.query<Deployment>(allianceId, {
    type: 'deployment',
    where: [{ field, op: 'eq', value: urn }, { field: 'status', op: 'in', value: [...UNDELIVERED] }],
    orderBy: [{ field: 'createdAt' }],
  });
  const deployments = [...await underWay('schoolUrn'), ...await underWay('baseSchoolUrn')];
  return { requestsToClose, deploymentsUnderWay: [...new Map(deployments.map((d) => [d.id, d])).values()] };
}
