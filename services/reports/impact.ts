import { DateTime } from 'luxon';
import { z } from 'zod';
import { englandDate } from '../clock.js';
import { termOf } from '../digest/school-term.js';
import { academicYearOf } from '../domain/academic-year.js';
import type { Deployment } from '../domain/deployment.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Person } from '../domain/person.js';
import type { Phase } from '../domain/phases.js';
import type { School } from '../domain/school.js';
import type { Specialism } from '../domain/specialisms.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { Rag, VisitReport } from '../domain/visit-report.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import { daysDelivered } from '../deployments/visit-reports.js';
import { average, group, groupBy, pushTo, type ImpactGroup } from './impact-groups.js';

export type { ImpactGroup } from './impact-groups.js';

const ZONE = 'Europe/London';

export interface ImpactPeriod {
  from: string;
  to: string;
}

/** How progress moved from a deployment's first visit report to its last (needs two reports). */
export type RagMovement = 'improved' | 'unchanged' | 'worse';

/** One evaluated deployment, as the CSV carries it. */
export interface ImpactLine {
  reference: string;
  evaluatedOn: string;
  term: string;
  specialisms: Specialism[];
  phase: Phase;
  localAuthority: string;
  supporterId: string;
  supporter: string;
  designation: string;
  objectiveRatings: number[];
  averageObjectiveRating: number;
  effectiveness: number;
  /** First and last visit report's ratings, per objective, e.g. ['red', 'amber'] → ['amber', 'green']. */
  ragFirst: Rag[];
  ragLast: Rag[];
  ragMovement?: RagMovement;
  days: number;
  cost: number;
}

export interface ImpactReport {
  period: ImpactPeriod;
  lines: ImpactLine[];
  total: ImpactGroup;
  bySpecialism: ImpactGroup[];
  byPhase: ImpactGroup[];
  /** Terms in date order. */
  byTerm: ImpactGroup[];
  /** Keyed by supporter id; most evaluations first. */
  bySupporter: Array<ImpactGroup & { name: string; designation: string }>;
}

const periodSchema = z.object({ from: z.iso.date('use YYYY-MM-DD'), to: z.iso.date('use YYYY-MM-DD') })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'the end date is before the start date' });

/** The default period: the last academic year and this one so far, so terms can be compared. */
export function defaultImpactPeriod(now: Date): ImpactPeriod {
  const lastYear = academicYearOf(new Date(academicYearOf(now).start.getTime() - 1));
  return { from: lastYear.start.toISOString().slice(0, 10), to: DateTime.fromJSDate(now, { zone: ZONE }).toISODate()! };
}

/**
 * The schools' evaluations submitted in the period (England dates), with what each deployment
 * delivered and how its visit reports' RAG ratings moved, grouped by specialism, phase, term and
 * supporter. Reads the period's evaluations, then only the deployments, requests and reports they name.
 */
export async function summariseImpact(ctx: ServiceContext, allianceId: string, period: ImpactPeriod): Promise<ImpactReport> {
  const { from, to } = parseInput(periodSchema, period);
  const start = DateTime.fromISO(from, { zone: ZONE }).toUTC().toISO()!;
  const end = DateTime.fromISO(to, { zone: ZONE }).plus({ days: 1 }).toUTC().toISO()!;
  const evaluations = await ctx.store.query<Evaluation>(allianceId, {
    type: 'evaluation',
    where: [{ field: 'submittedAt', op: 'gte', value: start }, { field: 'submittedAt', op: 'lt', value: end }],
    orderBy: [{ field: 'submittedAt' }],
  });
  const deploymentIds = evaluations.map((e) => e.deploymentId);
  const [deployments, requests, reports, schools, people] = await Promise.all([
    ctx.store.query<Deployment>(allianceId, { type: 'deployment', where: [{ field: 'id', op: 'in', value: deploymentIds }] }),
    ctx.store.query<SupportRequest>(allianceId, { type: 'supportRequest', where: [{ field: 'id', op: 'in', value: evaluations.map((e) => e.requestId) }] }),
    ctx.store.query<VisitReport>(allianceId, { type: 'visitReport', where: [{ field: 'deploymentId', op: 'in', value: deploymentIds }], orderBy: [{ field: 'visitDate' }] }),
    ctx.store.query<School>(allianceId, { type: 'school' }),
    ctx.store.query<Person>(allianceId, { type: 'person' }),
  ]);
  const deploymentById = new Map(deployments.map((d) => [d.id, d]));
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const laByUrn = new Map(schools.map((s) => [s.urn, s.localAuthority ?? '']));
  const personById = new Map(people.map((p) => [p.id, p]));
  const reportsByDeployment = new Map<string, VisitReport[]>();
  for (const report of reports) pushTo(reportsByDeployment, report.deploymentId, report);

  const lines: ImpactLine[] = [];
  // A term depends only on England's month: worked out once per month, not per evaluation.
  const terms = new Map<string, string>();
  const termName = (at: Date) => {
    const month = englandDate(at).slice(0, 7);
    return terms.get(month) ?? terms.set(month, termOf(at, ZONE).name).get(month)!;
  };
  for (const evaluation of evaluations) {
    const deployment = deploymentById.get(evaluation.deploymentId);
    const request = requestById.get(evaluation.requestId);
    if (!deployment || !request) continue;
    const visits = reportsByDeployment.get(deployment.id) ?? [];
    const days = daysDelivered(visits);
    const ratings = evaluation.objectives.map((o) => o.rating);
    const first = visits[0]?.progress.map((p) => p.rag) ?? [];
    const last = visits.at(-1)?.progress.map((p) => p.rag) ?? [];
    lines.push({
      reference: request.reference,
      evaluatedOn: englandDate(new Date(evaluation.submittedAt)),
      term: termName(new Date(evaluation.submittedAt)),
      specialisms: request.specialisms,
      phase: request.phase,
      localAuthority: laByUrn.get(request.schoolUrn) ?? '',
      supporterId: evaluation.supporterId,
      supporter: personById.get(evaluation.supporterId)?.name ?? 'someone no longer in the directory',
      designation: deployment.designation,
      objectiveRatings: ratings,
      averageObjectiveRating: average(ratings),
      effectiveness: evaluation.effectiveness,
      ragFirst: first,
      ragLast: last,
      ...(visits.length > 1 ? { ragMovement: movement(first, last) } : {}),
      days,
      cost: Math.round(days * (deployment.plan?.dayRate ?? deployment.dayRate) * 100) / 100,
    });
  }
  const termOrder = new Map(lines.map((l) => [l.term, l.evaluatedOn]));
  return {
    period: { from, to },
    lines,
    total: group('all', lines),
    bySpecialism: groupBy(lines, (l) => l.specialisms).sort((a, b) => b.evaluations - a.evaluations || a.key.localeCompare(b.key)),
    byPhase: groupBy(lines, (l) => [l.phase]).sort((a, b) => b.evaluations - a.evaluations || a.key.localeCompare(b.key)),
    byTerm: groupBy(lines, (l) => [l.term]).sort((a, b) => termOrder.get(a.key)!.localeCompare(termOrder.get(b.key)!)),
    bySupporter: groupBy(lines, (l) => [l.supporterId]).map((g) => ({
      ...g, name: personById.get(g.key)?.name ?? 'someone no longer in the directory', designation: lines.find((l) => l.supporterId === g.key)!.designation,
    })).sort((a, b) => b.evaluations - a.evaluations || b.averageEffectiveness - a.averageEffectiveness || a.name.localeCompare(b.name)),
  };
}

const RAG_SCORE: Record<Rag, number> = { red: 1, amber: 2, green: 3 };

function movement(first: readonly Rag[], last: readonly Rag[]): RagMovement {
  const change = last.reduce((sum, rag, i) => sum + RAG_SCORE[rag] - RAG_SCORE[first[i] ?? rag], 0);
  return change > 0 ? 'improved' : change < 0 ? 'worse' : 'unchanged';
}
