import type { PlanParty } from '../domain/deployment-plan.js';
import type { Deployment } from '../domain/deployment.js';
import { type Person, isManager } from '../domain/person.js';
import { schoolId, type School } from '../domain/school.js';
import { requestKind, type SupportRequest } from '../domain/support-request.js';
import { canTransition, type RequestStatus } from '../domain/request-lifecycle.js';
import { mayCorrect } from '../deployments/correct-visit-report.js';
import { partyOf } from '../deployments/deployment-parties.js';
import { speaksForSchool } from './withdraw-request.js';
import { englandDate } from '../clock.js';
import { deploymentStanding, type Step } from '../deployments/next-steps.js';
import { deploymentDays, NO_DAYS, type DeploymentDays } from '../deployments/deployment-days.js';
import { reportsFor } from '../deployments/visit-reports.js';
import type { ServiceContext } from '../service-context.js';
import { serviceLevelsOf, type ServiceLevels } from '../service-levels/settings.js';
import { waitingNow } from '../service-levels/waiting-now.js';
import type { Stored } from '../store/document-store.js';
import { findRecord } from '../store/get-record.js';
import { deploymentIdFor } from './decide-request.js';
import { REQUEST_PROGRESS } from './request-progress.js';

/** What a person can do on a request itself, beyond its deployment's steps. */
export type RequestStep = 'decide' | 'withdraw' | 'close';

/** One request (with its deployment, once matched) as this person should see it now. */
export interface WorkItem {
  request: Stored<SupportRequest>;
  deployment?: Stored<Deployment>;
  school?: School;
  supporterName?: string;
  /** Days committed and delivered, and their cost: the one count "my work", the plan card, the digest and the exports agree on. */
  days: DeploymentDays;
  /** What the item waits for, and the names of whoever it waits on ("Priya Shah", "the alliance manager"). */
  waitsFor: string;
  waitsOn: string[];
  /** Why a request was withdrawn, closed or declined, as whoever ended it wrote it. */
  endedBecause?: string;
  /** The buttons this person can press now, and only those. */
  steps: Array<Step | RequestStep>;
  /** When what it waits for is due, as people read it ("due Thu 10 Dec", "2 days overdue"); absent when nothing is. */
  due?: string;
}

export interface MyWork {
  role: 'head' | 'supporter' | 'manager' | 'none';
  items: WorkItem[];
}

const SHOWN = 10;
/** Requests whose journey is over: their items keep no step but reading the plan. */
const ENDED: readonly RequestStatus[] = ['withdrawn', 'closed', 'declined', 'cancelled'];
const OPEN_FOR_MANAGERS = ['submitted', 'matching', 'on-hold', 'proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated'];

/**
 * What a person may see of the alliance's work, with where each item stands: a head their own
 * school's requests, a supporter their own deployments, a manager the alliance's open requests.
 */
export async function listMyWork(ctx: ServiceContext, person: Stored<Person>): Promise<MyWork> {
  const role = person.role === 'admin' ? 'manager' : person.role === 'head' && !person.baseSchoolUrn ? 'none' : person.role;
  if (role === 'none') return { role, items: [] };
  const requests = role === 'supporter' ? await supporterRequests(ctx, person) : (await ctx.store.query<SupportRequest>(person.allianceId, {
    type: 'supportRequest',
    where: role === 'head'
      ? [{ field: 'schoolUrn', op: 'eq', value: person.baseSchoolUrn ?? '' }]
      : [{ field: 'status', op: 'in', value: OPEN_FOR_MANAGERS }],
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    limit: SHOWN,
  })).map((request) => ({ request, deployment: undefined }));
  const due = { levels: serviceLevelsOf(await findRecord(ctx, person.allianceId, person.allianceId, 'alliance')), today: englandDate(ctx.clock.now()) };
  return { role, items: await Promise.all(requests.map(({ request, deployment }) => workItem(ctx, person, due, request, deployment))) };
}

async function supporterRequests(ctx: ServiceContext, person: Stored<Person>) {
  const deployments = await ctx.store.query<Deployment>(person.allianceId, {
    type: 'deployment',
    where: [{ field: 'supporterId', op: 'eq', value: person.id }],
    orderBy: [{ field: 'createdAt', direction: 'desc' }],
    limit: SHOWN,
  });
  const found = await Promise.all(deployments.map(async (deployment) => ({
    deployment, request: await findRecord(ctx, person.allianceId, deployment.requestId, 'supportRequest'),
  })));
  return found.filter((f): f is { deployment: Stored<Deployment>; request: Stored<SupportRequest> } => f.request !== undefined);
}

async function workItem(
  ctx: ServiceContext, person: Stored<Person>, due: { levels: ServiceLevels; today: string }, request: Stored<SupportRequest>, given?: Stored<Deployment>,
): Promise<WorkItem> {
  const deployment = given ?? (request.matchedSupporterId
    ? await findRecord(ctx, request.allianceId, deploymentIdFor(request.id, request.matchedSupporterId), 'deployment')
    : undefined);
  const [school, supporter, requester, reports] = await Promise.all([
    findRecord(ctx, request.allianceId, schoolId(request.schoolUrn), 'school'),
    deployment ? findRecord(ctx, request.allianceId, deployment.supporterId, 'person') : undefined,
    findRecord(ctx, request.allianceId, request.requesterId, 'person'),
    deployment && ['active', 'completed', 'evaluated', 'cancelled'].includes(deployment.status) ? reportsFor(ctx, request.allianceId, deployment.id) : [],
  ]);
  const days = deployment ? deploymentDays(deployment, reports) : NO_DAYS;
  const delivered = days.delivered;
  const waiting = waitingNow(request, deployment, due.levels, new Set(reports.map((report) => report.visitDate)), due.today);
  const base = { request, school, days, ...(supporter ? { supporterName: supporter.name } : {}), ...(waiting.due ? { due: waiting.due } : {}) };
  const own = requestSteps(person, request, deployment);
  const viewPlan: Step[] = deployment?.plan && partyOf(person, deployment) ? ['viewPlan'] : [];
  // Delivered support ends with the manager closing the request, once the school has evaluated it.
  if (request.status === 'evaluated') {
    return { ...base, ...(deployment ? { deployment } : {}), waitsFor: 'the alliance manager to close the request', waitsOn: ['the alliance manager'], steps: [...viewPlan, ...own] };
  }
  // While the request runs its deployment says where it stands, unless the supporter declined it;
  // once the request has ended (withdrawn, closed) only its plan is left to read.
  if (deployment && deployment.status !== 'declined' && deployment.status !== 'cancelled' && !ENDED.includes(request.status)) {
    const standing = deploymentStanding(person, deployment, delivered);
    // The person reading is "you" in what waits on them.
    const myParty = partyOf(person, deployment);
    const names: Record<PlanParty, string> = { supporter: supporter?.name ?? 'the supporter', school: requester?.name ?? 'the school', alliance: 'the alliance manager' };
    if (myParty) names[myParty] = 'you';
    // The school reads each visit report and says whether it is a true record (not only from the report's card).
    const toCheck: Step[] = myParty === 'school' && reports.some((report) => !report.confirmation) ? ['checkReport'] : [];
    // Until the school marks it accurate (or the support ends), the supporter can put a report right.
    const toCorrect: Step[] = reports.some((report) => mayCorrect(person, report, deployment)) ? ['correctReport'] : [];
    return { ...base, deployment, waitsFor: standing.waitsFor, waitsOn: standing.waitsOn.map((p) => names[p]), steps: [...standing.steps, ...toCheck, ...toCorrect, ...own] };
  }
  const progress = REQUEST_PROGRESS[request.status];
  return {
    ...base,
    ...(deployment && ENDED.includes(request.status) ? { deployment } : {}),
    ...endedBecause(request),
    waitsFor: progress.next,
    waitsOn: progress.waitsOn === 'manager' ? ['the alliance manager'] : [],
    steps: [...(ENDED.includes(request.status) ? viewPlan : []), ...own],
  };
}

function endedBecause(request: SupportRequest): { endedBecause?: string } {
  const ending = ENDED.includes(request.status) ? [...request.history].reverse().find((entry) => entry.to === request.status) : undefined;
  return ending?.note ? { endedBecause: ending.note } : {};
}

/** What this person can do on the request itself: decide it (manager), withdraw it (the school's head on it), close it (manager). */
function requestSteps(person: Person, request: SupportRequest, deployment?: Deployment): RequestStep[] {
  const manager = isManager(person);
  const kind = requestKind(request);
  return [
    ...(manager && (request.status === 'matching' || request.status === 'on-hold') ? ['decide' as const] : []),
    ...(speaksForSchool(person, request, deployment) && canTransition(request.status, 'withdrawn', kind) ? ['withdraw' as const] : []),
    ...(manager && canTransition(request.status, 'closed', kind) ? ['close' as const] : []),
  ];
}
