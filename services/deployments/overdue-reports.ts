import type { Alliance } from '../domain/alliance.js';
import type { Deployment } from '../domain/deployment.js';
import type { VisitReport } from '../domain/visit-report.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { englandDate } from '../clock.js';
import { reportDueDate } from './working-days.js';

export interface OverdueVisit {
  visitDate: string;
  /** The last day the report was on time. */
  dueDate: string;
}

export interface OverdueDeployment {
  deployment: Stored<Deployment>;
  visits: OverdueVisit[];
}

/** Planned visits whose report is missing more than 5 working days after the visit. */
export async function findOverdueReports(ctx: ServiceContext, allianceId: string, now: Date): Promise<OverdueDeployment[]> {
  const today = englandDate(now);
  const deployments = await ctx.store.query<Deployment>(allianceId, {
    type: 'deployment',
    where: [{ field: 'status', op: 'in', value: ['planned', 'active'] }],
    orderBy: [{ field: 'id' }],
  });
  const reports = await ctx.store.query<VisitReport>(allianceId, { type: 'visitReport' });
  const reported = new Set(reports.map((r) => `${r.deploymentId}#${r.visitDate}`));
  const overdue: OverdueDeployment[] = [];
  for (const deployment of deployments) {
    const visits = (deployment.plan?.visitDates ?? [])
      .filter((visitDate) => !reported.has(`${deployment.id}#${visitDate}`))
      .map((visitDate) => ({ visitDate, dueDate: reportDueDate(visitDate) }))
      .filter((visit) => visit.dueDate < today);
    if (visits.length > 0) overdue.push({ deployment, visits });
  }
  return overdue;
}

/**
 * Reminds each supporter with overdue reports, once per deployment per day whatever the number of
 * runs: the outbox id derives from the deployment and today's date. Returns the reminders due today.
 */
export async function sendOverdueReminders(ctx: ServiceContext, now: Date): Promise<number> {
  const today = englandDate(now);
  const alliances = await ctx.store.queryAllAlliances<Alliance>({ type: 'alliance' });
  let reminders = 0;
  for (const alliance of alliances) {
    for (const { deployment, visits } of await findOverdueReports(ctx, alliance.id, now)) {
      await enqueueNotifications(ctx, alliance.id, { key: `visit-report-overdue#${deployment.id}#${today}` }, [{
        target: { kind: 'person', personId: deployment.supporterId },
        event: { kind: 'visitReportOverdue', deploymentId: deployment.id, visitDates: visits.map((v) => v.visitDate) },
      }]);
      reminders += 1;
    }
  }
  return reminders;
}
