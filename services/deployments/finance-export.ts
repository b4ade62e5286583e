import { z } from 'zod';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import type { RequestKind } from '../domain/support-request.js';
import { deploymentDays, reportsByDeployment } from './deployment-days.js';
import { requireAlliance } from '../directory/directory-store.js';
import type { ServiceContext } from '../service-context.js';
import { parseInput } from '../parse-input.js';
import { writeCsv } from '../directory/csv-cells.js';

export interface FinancePeriod {
  from: string;
  to: string;
}

export interface FinanceLine {
  reference: string;
  /** Diagnostic visits are charged like support but listed as their own kind. */
  kind: RequestKind;
  deploymentId: string;
  schoolUrn: string;
  schoolName: string;
  supporter: string;
  baseSchoolUrn: string;
  baseSchoolName: string;
  designation: string;
  dayRate: number;
  days: number;
  amount: number;
}

export interface FinanceTotal {
  urn: string;
  name: string;
  days: number;
  amount: number;
}

export interface FinanceSummary {
  lines: FinanceLine[];
  /** What each supported school is charged. */
  bySchool: FinanceTotal[];
  /** What each supporter's base school is reimbursed. */
  byBaseSchool: FinanceTotal[];
  total: { days: number; amount: number };
}

const periodSchema = z.object({ from: z.iso.date('use YYYY-MM-DD'), to: z.iso.date('use YYYY-MM-DD') })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'the end date is before the start date' });

/** Days delivered in the period (by visit date in visit and diagnostic reports) and what they cost, per deployment. */
export async function summariseFinance(ctx: ServiceContext, allianceId: string, period: FinancePeriod): Promise<FinanceSummary> {
  const { from, to } = parseInput(periodSchema, period);
  await requireAlliance(ctx.store, allianceId);
  const reports = await reportsByDeployment(ctx, allianceId, { from, to });
  const [deployments, schools, people] = await Promise.all([
    ctx.store.query<Deployment>(allianceId, { type: 'deployment', where: [{ field: 'id', op: 'in', value: [...reports.keys()] }] }),
    ctx.store.query<School>(allianceId, { type: 'school' }),
    ctx.store.query<Person>(allianceId, { type: 'person' }),
  ]);
  const schoolName = new Map(schools.map((s) => [s.urn, s.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const lines = deployments.map((d): FinanceLine => {
    // Only the period's reports count: the days delivered in it, at the agreed rate.
    const { delivered: days, dayRate, deliveredCost } = deploymentDays(d, reports.get(d.id) ?? []);
    return {
      reference: d.requestReference, kind: d.kind ?? 'support', deploymentId: d.id,
      schoolUrn: d.schoolUrn, schoolName: schoolName.get(d.schoolUrn) ?? '',
      supporter: personName.get(d.supporterId) ?? d.supporterId,
      baseSchoolUrn: d.baseSchoolUrn, baseSchoolName: schoolName.get(d.baseSchoolUrn) ?? '',
      designation: d.designation, dayRate, days, amount: deliveredCost,
    };
  }).sort((a, b) => a.reference.localeCompare(b.reference) || a.deploymentId.localeCompare(b.deploymentId));

  return {
    lines,
    bySchool: totalsBy(lines, (l) => [l.schoolUrn, l.schoolName]),
    byBaseSchool: totalsBy(lines, (l) => [l.baseSchoolUrn, l.baseSchoolName]),
    total: { days: sum(lines.map((l) => l.days)), amount: pence(sum(lines.map((l) => l.amount))) },
  };
}

/** The summary as one CSV: the deployment lines, then two labelled totals sections and a grand total. */
export function financeCsv(summary: FinanceSummary): string {
  const money = (amount: number) => amount.toFixed(2);
  const lines = writeCsv(summary.lines.map((l) => [
    l.reference, l.kind, l.deploymentId, l.schoolUrn, l.schoolName, l.supporter, l.baseSchoolUrn, l.baseSchoolName, l.designation, money(l.dayRate), l.days, money(l.amount),
  ]), {
    header: true,
    columns: ['reference', 'kind', 'deployment_id', 'school_charged_urn', 'school_charged', 'supporter', 'base_school_urn', 'base_school_to_reimburse', 'designation', 'day_rate', 'days', 'amount'],
  });
  const section = (title: string, totals: FinanceTotal[]) => writeCsv([
    [title], ['urn', 'school', 'days', 'amount'], ...totals.map((t) => [t.urn, t.name, t.days, money(t.amount)]),
  ]);
  return [
    lines,
    section('Totals by school charged', summary.bySchool),
    section('Totals by base school to reimburse', summary.byBaseSchool),
    writeCsv([['Grand total', '', summary.total.days, money(summary.total.amount)]]),
  ].join('\n');
}

function totalsBy(lines: FinanceLine[], key: (line: FinanceLine) => [string, string]): FinanceTotal[] {
  const totals = new Map<string, FinanceTotal>();
  for (const line of lines) {
    const [urn, name] = key(line);
    const total = totals.get(urn) ?? { urn, name, days: 0, amount: 0 };
    totals.set(urn, { ...total, days: total.days + line.days, amount: pence(total.amount + line.amount) });
  }
  return [...totals.values()].sort((a, b) => a.urn.localeCompare(b.urn));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Rounds to whole pence so float error never reaches an invoice. */
const pence = (pounds: number) => Math.round(pounds * 100) / 100;
