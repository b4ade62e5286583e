import type { VisitReport } from '../domain/visit-report.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** A deployment's reports, oldest visit first. */
export async function reportsFor(ctx: ServiceContext, allianceId: string, deploymentId: string): Promise<Array<Stored<VisitReport>>> {
  return ctx.store.query<VisitReport>(allianceId, {
    type: 'visitReport',
    where: [{ field: 'deploymentId', op: 'eq', value: deploymentId }],
    orderBy: [{ field: 'visitDate' }],
  });
}

/** Days delivered so far: the sum of the days each report says were used. */
export function daysDelivered(reports: ReadonlyArray<Pick<VisitReport, 'daysUsed'>>): number {
  return reports.reduce((sum, report) => sum + report.daysUsed, 0);
}
