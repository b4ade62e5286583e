import type { Deployment } from '../domain/deployment.js';
import type { VisitReport } from '../domain/visit-report.js';

/**
 * The agreed visit dates no report covers: once the deployment ends (completed, early or not, or
 * cancelled) they will not happen. Stored on the deployment, so its record, its cards and the
 * visit calendar all cancel the same visits.
 */
export function visitsNotMade(deployment: Pick<Deployment, 'plan'>, reports: ReadonlyArray<Pick<VisitReport, 'visitDate'>>): string[] {
  const reported = new Set(reports.map((report) => report.visitDate));
  return [...(deployment.plan?.visitDates ?? [])].filter((date) => !reported.has(date)).sort();
}
