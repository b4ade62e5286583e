import { reportsFor } from '../deployments/visit-reports.js';
import type { ServiceContext } from '../service-context.js';
import type { DueRecord } from './due-items.js';

/** The visit dates already reported, read by deployment and only while visits are under way. */
export async function reportedVisits(ctx: ServiceContext, record: DueRecord): Promise<Set<string>> {
  if (record.type !== 'deployment' || (record.status !== 'planned' && record.status !== 'active')) return new Set();
  return new Set((await reportsFor(ctx, record.allianceId, record.id)).map((report) => report.visitDate));
}
