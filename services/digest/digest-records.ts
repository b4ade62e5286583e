import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import type { RequestStatus } from '../domain/request-lifecycle.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { Condition, DocumentStore } from '../store/document-store.js';

/** Statuses in which a request still waits for a manager to match it. */
export const WAITING_STATUSES: readonly RequestStatus[] = ['submitted', 'matching', 'on-hold'];

/** Deployments whose plans hold visits still to come. */
const UNDER_WAY_STATUSES: readonly DeploymentStatus[] = ['planned', 'active'];

/** Deployments that cost money this term: agreed and planned, under way, or done. */
export const COSTED_STATUSES: readonly DeploymentStatus[] = ['planned', 'active', 'completed', 'evaluated'];

export interface DigestWindow {
  start: Date;
  end: Date;
  termStart: Date;
  asOf: Date;
}

export interface DigestRecords {
  created: SupportRequest[];
  /** Every request changed since the week began: its matches, and its state at `asOf`, are in its history. */
  changed: SupportRequest[];
  waitingNow: SupportRequest[];
  costed: Deployment[];
  changedDeployments: Deployment[];
  /** Planned or active deployments, whose plans hold the visits ahead. */
  underWay: Deployment[];
  /** Every request above, and those the costed deployments answer, by id. */
  requests: Map<string, SupportRequest>;
}

/**
 * Loads what one week's digest needs in four queries, never the whole alliance. SQLite reads every
 * document of the type for each query (Cosmos uses its indexes), so they are few and broad, and the
 * rest is sorted out here: everything
 * changed since the term (or week) began holds the week's new, changed and matched requests, the
 * term's deployments and the requests they answer (a match updates both at once); two status
 * queries add requests still waiting from earlier terms and deployments still under way.
 */
export async function loadDigestRecords(store: DocumentStore, allianceId: string, window: DigestWindow): Promise<DigestRecords> {
  const since = new Date(Math.min(window.start.getTime(), window.termStart.getTime())).toISOString();
  const requests = (where: Condition[]) => store.query<SupportRequest>(allianceId, { type: 'supportRequest', where });
  const deployments = (where: Condition[]) => store.query<Deployment>(allianceId, { type: 'deployment', where });
  // The status queries skip what the `since` queries return, so no record is read twice.
  const before = { field: 'updatedAt', op: 'lt', value: since } as const;
  const [recent, waitingBefore, recentDeployments, underWayBefore] = await Promise.all([
    requests([{ field: 'updatedAt', op: 'gte', value: since }]),
    requests([before, { field: 'status', op: 'in', value: [...WAITING_STATUSES] }]),
    deployments([{ field: 'updatedAt', op: 'gte', value: since }]),
    deployments([before, { field: 'status', op: 'in', value: [...UNDER_WAY_STATUSES] }]),
  ]);
  const waitingNow = [...waitingBefore, ...recent.filter((r) => WAITING_STATUSES.includes(r.status))];
  const underWay = [...underWayBefore, ...recentDeployments.filter((d) => UNDER_WAY_STATUSES.includes(d.status))];
  const [start, end, termStart, asOf] = [window.start, window.end, window.termStart, window.asOf].map((at) => at.toISOString());
  const costed = recentDeployments.filter((d) => d.proposedAt >= termStart && d.proposedAt < asOf && COSTED_STATUSES.includes(d.status));
  const byId = new Map([...recent, ...waitingBefore].map((request) => [request.id, request]));
  // Only if a deployment's request was not updated with it (records written by hand or by an import).
  const missing = [...new Set(costed.map((d) => d.requestId))].filter((id) => !byId.has(id));
  if (missing.length) for (const request of await requests([{ field: 'id', op: 'in', value: missing }])) byId.set(request.id, request);
  return {
    created: recent.filter((r) => r.createdAt >= start && r.createdAt < end),
    changed: recent.filter((r) => r.updatedAt >= start),
    waitingNow,
    costed,
    changedDeployments: recentDeployments.filter((d) => d.updatedAt >= start),
    underWay,
    requests: byId,
  };
}
