import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import { planCost } from '../domain/deployment-plan.js';
import type { DiagnosticReport } from '../domain/diagnostic.js';
import type { VisitReport } from '../domain/visit-report.js';
import type { Condition } from '../store/document-store.js';
import type { ServiceContext } from '../service-context.js';
import { daysDelivered } from './visit-reports.js';

/** A report that uses days: a visit report, or a diagnostic visit's report. */
export type DaysReport = Pick<VisitReport, 'deploymentId' | 'visitDate' | 'daysUsed'>;

/** Deployments whose agreed plans still hold days to come. */
const UNDER_WAY: readonly DeploymentStatus[] = ['planned', 'active'];
/** Deployments that are over: what was delivered is all they ever take. */
const ENDED: readonly DeploymentStatus[] = ['completed', 'evaluated', 'cancelled'];

export interface DeploymentDays {
  /**
   * Days the alliance is committed to pay for: the agreed plan's days while visits are under way,
   * the days delivered once the deployment has ended (early or not), none before a plan is agreed.
   */
  committed: number;
  /** Days the reports say were used. */
  delivered: number;
  /** Pounds a day: the rate agreed in the plan, or the one fixed at the match without a plan. */
  dayRate: number;
  committedCost: number;
  deliveredCost: number;
}

/** A request not yet matched: no days at all. */
export const NO_DAYS: DeploymentDays = { committed: 0, delivered: 0, dayRate: 0, committedCost: 0, deliveredCost: 0 };

/**
 * The one count of a deployment's days and money that "my work", the plan card, the digest and the
 * finance export share: a deployment that used 1 of 6 planned days and was completed early has 1
 * day delivered and committed, at its day rate (never the 6 days it was planned for).
 */
export function deploymentDays(deployment: Pick<Deployment, 'status' | 'plan' | 'daysCommitted' | 'dayRate'>, reports: readonly Pick<DaysReport, 'daysUsed'>[]): DeploymentDays {
  const delivered = daysDelivered(reports);
  const dayRate = deployment.plan?.dayRate ?? deployment.dayRate;
  const committed = UNDER_WAY.includes(deployment.status)
    ? Math.max(deployment.plan?.days ?? deployment.daysCommitted, delivered)
    : ENDED.includes(deployment.status) ? delivered : 0;
  return { committed, delivered, dayRate, committedCost: planCost(committed, dayRate), deliveredCost: planCost(delivered, dayRate) };
}

/** The reports of these deployments (visit and diagnostic), optionally only those dated within `from`–`to`, by deployment. */
export async function reportsByDeployment(
  ctx: Pick<ServiceContext, 'store'>,
  allianceId: string,
  filter: { deploymentIds?: readonly string[]; from?: string; to?: string },
): Promise<Map<string, DaysReport[]>> {
  if (filter.deploymentIds?.length === 0) return new Map();
  const where: Condition[] = [
    ...(filter.deploymentIds ? [{ field: 'deploymentId', op: 'in' as const, value: [...filter.deploymentIds] }] : []),
    ...(filter.from ? [{ field: 'visitDate', op: 'gte' as const, value: filter.from }] : []),
    ...(filter.to ? [{ field: 'visitDate', op: 'lte' as const, value: filter.to }] : []),
  ];
  const [visits, diagnostics] = await Promise.all([
    ctx.store.query<VisitReport>(allianceId, { type: 'visitReport', where }),
    ctx.store.query<DiagnosticReport>(allianceId, { type: 'diagnosticReport', where }),
  ]);
  const byDeployment = new Map<string, DaysReport[]>();
  for (const report of [...visits, ...diagnostics]) byDeployment.set(report.deploymentId, [...(byDeployment.get(report.deploymentId) ?? []), report]);
  return byDeployment;
}
