import type { DiagnosticReport } from '../domain/diagnostic.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';

export interface DiagnosticCounts {
  /** Diagnostic visits asked for in the period. */
  requested: number;
  /** Diagnostic visits reported in the period, and the days they took. */
  reported: number;
  days: number;
  /** Of those reported, how many have led to a support request so far. */
  followedOn: number;
}

/**
 * An alliance's diagnostics in [from, to) (ISO timestamps), counted apart from support: the digest and
 * the workspace show them as their own kind.
 */
export async function countDiagnostics(ctx: ServiceContext, allianceId: string, period: { from: string; to: string }): Promise<DiagnosticCounts> {
  const [requests, reports] = await Promise.all([
    ctx.store.query<SupportRequest>(allianceId, {
      type: 'supportRequest',
      where: [{ field: 'kind', op: 'eq', value: 'diagnostic' }, { field: 'createdAt', op: 'gte', value: period.from }, { field: 'createdAt', op: 'lt', value: period.to }],
    }),
    ctx.store.query<DiagnosticReport>(allianceId, {
      type: 'diagnosticReport',
      where: [{ field: 'submittedAt', op: 'gte', value: period.from }, { field: 'submittedAt', op: 'lt', value: period.to }],
    }),
  ]);
  return {
    requested: requests.length,
    reported: reports.length,
    days: reports.reduce((sum, report) => sum + report.daysUsed, 0),
    followedOn: reports.filter((report) => report.followOnRequestId).length,
  };
}
