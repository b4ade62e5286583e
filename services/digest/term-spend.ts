import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import { SPECIALISM_LABELS, type Specialism } from '../domain/specialisms.js';
import type { SupportRequest } from '../domain/support-request.js';
import { deploymentDays, reportsByDeployment, type DaysReport } from '../deployments/deployment-days.js';
import type { DocumentStore } from '../store/document-store.js';
import type { SchoolTerm } from './school-term.js';
import type { SpecialismSpend, Spend, WeeklyDigest } from './weekly-digest.js';

/** Deployments that cost money this term: agreed and planned, under way, or done. */
export const COSTED_STATUSES: readonly DeploymentStatus[] = ['planned', 'active', 'completed', 'evaluated'];

/**
 * What one deployment adds to its term's spend, as the digest last saw it. Each stored digest keeps
 * the term's list, so the next week's digest starts from it and re-reads only the deployments
 * changed since, instead of every deployment of the term.
 */
export interface CostedDeployment {
  id: string;
  proposedAt: string;
  /** The first specialism of its request; absent when the request is no longer on record. */
  specialism?: Specialism;
  diagnostic?: true;
  /** Its days and cost as deploymentDays counts them when the digest last read it. */
  committed: Spend;
  delivered: Spend;
}

/**
 * The term's costed deployments: `earlier` (the list the previous week's stored digest kept) with
 * every deployment in `changed` replaced by what it is now (callers include those under way, whose
 * delivered days grow with reports that leave the deployment itself unchanged). Without an earlier list (the first
 * digest of a term, or of an alliance), the term's deployments are read once, through the index
 * on proposedAt.
 */
export async function termCostedDeployments(
  store: DocumentStore,
  allianceId: string,
  term: Pick<SchoolTerm, 'start'>,
  earlier: CostedDeployment[] | undefined,
  changed: Deployment[],
  requests: ReadonlyMap<string, SupportRequest>,
): Promise<CostedDeployment[]> {
  const termStart = term.start.toISOString();
  const fresh = earlier
    ? changed
    : await store.query<Deployment>(allianceId, { type: 'deployment', where: [{ field: 'proposedAt', op: 'gte', value: termStart }, { field: 'status', op: 'in', value: [...COSTED_STATUSES] }] });
  const costed = fresh.filter((d) => d.proposedAt >= termStart && COSTED_STATUSES.includes(d.status));
  const known = new Map(requests);
  // Only a deployment whose request was not read with it (not changed this week, or written by hand or an import).
  const missing = [...new Set(costed.map((d) => d.requestId))].filter((id) => !known.has(id));
  if (missing.length) {
    for (const request of await store.query<SupportRequest>(allianceId, { type: 'supportRequest', where: [{ field: 'id', op: 'in', value: missing }] })) known.set(request.id, request);
  }
  const reports = await reportsByDeployment({ store }, allianceId, { deploymentIds: costed.map((d) => d.id) });
  const replaced = new Set(changed.map((d) => d.id));
  return [
    ...(earlier ?? []).filter((entry) => !replaced.has(entry.id)),
    ...costed.map((d) => costedDeployment(d, known.get(d.requestId), reports.get(d.id) ?? [])),
  ].sort((a, b) => a.id.localeCompare(b.id));
}

function costedDeployment(deployment: Deployment, request: SupportRequest | undefined, reports: DaysReport[]): CostedDeployment {
  const specialism = request?.specialisms[0];
  const days = deploymentDays(deployment, reports);
  return {
    id: deployment.id,
    proposedAt: deployment.proposedAt,
    ...(deployment.kind === 'diagnostic' ? { diagnostic: true as const } : specialism ? { specialism } : {}),
    committed: { days: days.committed, cost: days.committedCost },
    delivered: { days: days.delivered, cost: days.deliveredCost },
  };
}

/** The term's spend up to `asOf`, committed and delivered, by specialism; diagnostic visits are spend of their own kind. */
export function termSpend(costed: CostedDeployment[], asOf: string): Omit<WeeklyDigest['term'], 'name' | 'firstDay' | 'lastDay'> {
  const counted = costed.filter((entry) => entry.proposedAt < asOf);
  const groups = new Map<string, SpecialismSpend>();
  const total = { deployments: 0, committed: NOTHING, delivered: NOTHING };
  for (const entry of counted) {
    const key = entry.diagnostic ? 'diagnostic' : entry.specialism ?? '';
    const label = entry.diagnostic ? 'Diagnostic visits' : entry.specialism ? SPECIALISM_LABELS[entry.specialism] : 'Not recorded';
    const group = groups.get(key) ?? groups.set(key, { ...(entry.specialism && !entry.diagnostic ? { specialism: entry.specialism } : {}), label, deployments: 0, committed: NOTHING, delivered: NOTHING }).get(key)!;
    for (const tally of [group, total]) {
      tally.deployments += 1;
      tally.committed = add(tally.committed, entry.committed);
      tally.delivered = add(tally.delivered, entry.delivered);
    }
  }
  const bySpecialism = [...groups.values()].sort((a, b) => b.committed.cost - a.committed.cost || a.label.localeCompare(b.label));
  return { ...total, bySpecialism };
}

const NOTHING: Spend = { days: 0, cost: 0 };

function add(a: Spend, b: Spend): Spend {
  return { days: round(a.days + b.days), cost: round(a.cost + b.cost) };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
