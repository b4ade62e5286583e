import { DateTime } from 'luxon';
import type { Person } from '../domain/person.js';
import type { Phase } from '../domain/phases.js';
import type { RequestStatus } from '../domain/request-lifecycle.js';
import type { School } from '../domain/school.js';
import type { Specialism } from '../domain/specialisms.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Condition, Stored } from '../store/document-store.js';
import { englandDate } from '../clock.js';
import type { Alliance } from '../domain/alliance.js';
import type { Deployment } from '../domain/deployment.js';
import type { VisitReport } from '../domain/visit-report.js';
import { serviceLevelsOf } from '../service-levels/settings.js';
import { waitingNow, type WaitingNow } from '../service-levels/waiting-now.js';
import { deploymentIdFor } from './decide-request.js';

/** The stages of the pipeline board, in the order work moves through them. */
export const PIPELINE_STAGES = ['submitted', 'matching', 'on-hold', 'proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated'] as const satisfies readonly RequestStatus[];
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface PipelineFilters {
  stage?: PipelineStage;
  specialism?: Specialism;
  phase?: Phase;
  localAuthority?: string;
  supporterId?: string;
}

export interface PipelineItem {
  request: Stored<SupportRequest>;
  schoolName: string;
  localAuthority?: string;
  requesterName?: string;
  supporterName?: string;
  /** Whole days since the request was made. */
  ageDays: number;
  /** What it waits for now, when it is due, and who could be reminded. */
  waiting: Omit<WaitingNow, 'record' | 'items'>;
}

export interface Pipeline {
  /** Open requests by stage, oldest first, at most `perStage` each. */
  stages: Array<{ stage: PipelineStage; total: number; items: PipelineItem[] }>;
  /** For the filters: the alliance's local authorities and supporters. */
  localAuthorities: string[];
  supporters: Array<{ id: string; name: string }>;
}

/**
 * The open requests of an alliance by stage, filtered, with the names a manager needs: per stage
 * the oldest `perStage` and the stage's total, so the board reads the same whatever the backlog.
 */
export async function loadPipeline(ctx: ServiceContext, allianceId: string, filters: PipelineFilters, perStage = 20): Promise<Pipeline> {
  const [schools, people] = await Promise.all([
    ctx.store.query<School>(allianceId, { type: 'school' }),
    ctx.store.query<Person>(allianceId, { type: 'person' }),
  ]);
  const schoolByUrn = new Map(schools.map((s) => [s.urn, s]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const where: Condition[] = [];
  if (filters.specialism) where.push({ field: 'specialisms', op: 'contains', value: filters.specialism });
  if (filters.phase) where.push({ field: 'phase', op: 'eq', value: filters.phase });
  if (filters.supporterId) where.push({ field: 'matchedSupporterId', op: 'eq', value: filters.supporterId });
  if (filters.localAuthority) {
    const urns = schools.filter((s) => s.localAuthority === filters.localAuthority).map((s) => s.urn);
    where.push({ field: 'schoolUrn', op: 'in', value: urns.length ? urns : ['none'] });
  }
  // Per stage, its oldest `perStage` requests and how many there are: what the board shows, however many are open.
  const shown = await Promise.all(PIPELINE_STAGES.filter((stage) => !filters.stage || stage === filters.stage).map(async (stage) => {
    const inStage: Condition[] = [{ field: 'status', op: 'eq', value: stage }, ...where];
    const [requests, total] = await Promise.all([
      ctx.store.query<SupportRequest>(allianceId, { type: 'supportRequest', where: inStage, orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: perStage }),
      ctx.store.count(allianceId, { type: 'supportRequest', where: inStage }),
    ]);
    return { stage, total, requests };
  }));
  const now = DateTime.fromJSDate(ctx.clock.now());
  const waiting = await waitingOfShown(ctx, allianceId, shown.flatMap((s) => s.requests));
  const stages = shown.map(({ stage, total, requests: inStage }) => ({
    stage,
    total,
    items: inStage.map((request): PipelineItem => {
      const school = schoolByUrn.get(request.schoolUrn);
      return {
        request,
        schoolName: school?.name ?? request.schoolUrn,
        localAuthority: school?.localAuthority,
        requesterName: names.get(request.requesterId),
        supporterName: request.matchedSupporterId ? names.get(request.matchedSupporterId) : undefined,
        ageDays: Math.max(0, Math.floor(now.diff(DateTime.fromISO(request.createdAt), 'days').days)),
        waiting: waiting.get(request.id)!,
      };
    }),
  }));
  return {
    stages,
    localAuthorities: [...new Set(schools.map((s) => s.localAuthority).filter((la): la is string => Boolean(la)))].sort(),
    supporters: people.filter((p) => p.role === 'supporter' && !p.erasedAt).map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * What each shown request waits for: one query for their matched deployments and one for the
 * reports of those under way, whatever the number shown.
 */
async function waitingOfShown(ctx: ServiceContext, allianceId: string, requests: readonly SupportRequest[]): Promise<Map<string, Omit<WaitingNow, 'record' | 'items'>>> {
  const deploymentIds = requests.filter((r) => r.matchedSupporterId).map((r) => deploymentIdFor(r.id, r.matchedSupporterId!));
  const [alliance, deployments] = await Promise.all([
    ctx.store.get<Alliance>(allianceId, allianceId),
    ctx.store.query<Deployment>(allianceId, { type: 'deployment', where: [{ field: 'id', op: 'in', value: deploymentIds }] }),
  ]);
  const underWay = deployments.filter((d) => d.status === 'planned' || d.status === 'active').map((d) => d.id);
  const reports = await ctx.store.query<VisitReport>(allianceId, { type: 'visitReport', where: [{ field: 'deploymentId', op: 'in', value: underWay }] });
  const deploymentById = new Map(deployments.map((d) => [d.id, d]));
  const levels = serviceLevelsOf(alliance);
  const today = englandDate(ctx.clock.now());
  return new Map(requests.map((request) => {
    const deployment = request.matchedSupporterId ? deploymentById.get(deploymentIdFor(request.id, request.matchedSupporterId)) : undefined;
    const reported = new Set(reports.filter((r) => r.deploymentId === deployment?.id).map((r) => r.visitDate));
    const { due, overdue, remindable } = waitingNow(request, deployment, levels, reported, today);
    return [request.id, { ...(due ? { due } : {}), overdue, remindable }];
  }));
}
