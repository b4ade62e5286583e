import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import type { RequestStatus } from '../domain/request-lifecycle.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { Condition, DocumentStore } from '../store/document-store.js';

/** Statuses in which a request still waits for a manager to match it. */
export const WAITING_STATUSES: readonly RequestStatus[] = ['submitted', 'matching', 'on-hold'];

/** Deployments whose plans hold visits still to come. */
const UNDER_WAY_STATUSES: readonly DeploymentStatus[] = ['planned', 'active'];

export interface DigestWindow {
  start: Date;
  end: Date;
}

export interface DigestRecords {
  created: SupportRequest[];
  /** Every request changed since the week began: its matches, and its state at `asOf`, are in its history. */
  changed: SupportRequest[];
  waitingNow: SupportRequest[];
  /** Every deployment changed since the week began. */
  changedDeployments: Deployment[];
  /** Planned or active deployments, whose plans hold the visits ahead. */
  underWay: Deployment[];
  /** Every request above, by id. */
  requests: Map<string, SupportRequest>;
}

/**
 * Loads what one week's digest needs in four indexed queries: what changed since the week began
 * (the week's new, changed and matched requests and its deployments; a match updates both at once),
 * and, by status, the requests still waiting and the deployments still under way from before it.
 * What it reads grows with the week's activity and the work in hand, never with the history.
 */
export async function loadDigestRecords(store: DocumentStore, allianceId: string, window: DigestWindow): Promise<DigestRecords> {
  const since = window.start.toISOString();
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
  const end = window.end.toISOString();
  return {
    created: recent.filter((r) => r.createdAt >= since && r.createdAt < end),
    changed: recent,
    waitingNow: [...waitingBefore, ...recent.filter((r) => WAITING_STATUSES.includes(r.status))],
    changedDeployments: recentDeployments,
    underWay: [...underWayBefore, ...recentDeployments.filter((d) => UNDER_WAY_STATUSES.includes(d.status))],
    requests: new Map([...recent, ...waitingBefore].map((request) => [request.id, request])),
  };
}
