import { z } from 'zod';
import { MAX_OBJECTIVES } from '../../services/domain/deployment-plan.js';
import { RAG, type VisitReportInput } from '../../services/domain/visit-report.js';
import { englandDate, isoDate, oneOf, requiredText } from '../field-schemas.js';
import type { FormDefinition, FormField } from '../form-definition.js';

export const VISIT_REPORT_FORM_ID = 'visit-report';

export const VISIT_REPORT_ACTIONS = {
  submit: 'visit-report.submit',
} as const;

export const VISIT_REPORT_FIELDS = {
  subject: 'subject',
  visitDate: 'visitDate',
  objective: (n: number) => `objective${n}`,
  rag: (n: number) => `rag${n}`,
  comment: (n: number) => `comment${n}`,
  activities: 'activities',
  nextSteps: 'nextSteps',
  daysUsed: 'daysUsed',
  noPupilData: 'noPupilData',
} as const;

const F = VISIT_REPORT_FIELDS;
const RAG_LABELS: Record<(typeof RAG)[number], string> = { red: 'Red: off track', amber: 'Amber: some progress', green: 'Green: on track' };
/** Half days up to 5: a visit is rarely longer, and choices avoid typed decimals. */
export const DAYS_USED_CHOICES = ['0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5'] as const;

export interface VisitReportContext {
  now: Date;
  /** What is reported on, e.g. "S2S-2026-0042 at Riverside Primary School". */
  subject?: string;
  /** The plan's objectives; without them (a form rebuilt from its id alone) all groups show, the first required. */
  objectives?: readonly string[];
}

export function createVisitReportSchema({ now, objectives }: VisitReportContext): z.ZodType<VisitReportInput> {
  const count = objectives?.length ?? MAX_OBJECTIVES;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const required = (n: number) => objectives !== undefined || n === 1;
  const shape = Object.fromEntries([
    ...numbers.flatMap((n) => [
      [F.rag(n), required(n) ? oneOf(RAG, { noun: 'rating' }) : oneOf(RAG, { noun: 'rating' }).optional()],
      [F.comment(n), required(n) ? requiredText({ max: 1000 }) : requiredText({ max: 1000 }).optional()],
    ]),
    [F.visitDate, isoDate().refine((date) => date <= englandDate(now), { error: 'Report a visit once it has happened.' })],
    [F.activities, requiredText({ max: 2000 })],
    [F.nextSteps, requiredText({ max: 2000 })],
    [F.daysUsed, oneOf(DAYS_USED_CHOICES, { noun: 'number of days' })],
    [F.noPupilData, z.literal(true, { error: 'Please confirm the report holds no pupil names or pupil-identifying details.' })],
  ]);
  return z.object(shape).transform((raw): VisitReportInput => ({
    visitDate: String(raw[F.visitDate]),
    progress: numbers.filter((n) => raw[F.rag(n)] !== undefined).map((n) => ({
      rag: raw[F.rag(n)] as VisitReportInput['progress'][number]['rag'],
      comment: String(raw[F.comment(n)] ?? ''),
    })),
    activities: String(raw[F.activities]),
    nextSteps: String(raw[F.nextSteps]),
    daysUsed: Number(raw[F.daysUsed]),
    noPupilData: true,
  }));
}

function progressGroup(n: number, objective: string | undefined, required: boolean): FormField[] {
  return [
    ...(objective ? [{ type: 'info' as const, id: F.objective(n), text: `Objective ${n}: ${objective}` }] : []),
    { type: 'choice', id: F.rag(n), label: `Objective ${n}: progress`, required, choices: RAG.map((value) => ({ value, label: RAG_LABELS[value] })) },
    { type: 'text', id: F.comment(n), label: `Objective ${n}: comment`, required, multiline: true, maxLength: 1000 },
  ];
}

export function createVisitReportForm(context: VisitReportContext): FormDefinition<VisitReportInput> {
  const count = context.objectives?.length ?? MAX_OBJECTIVES;
  return {
    id: VISIT_REPORT_FORM_ID,
    title: 'Visit report',
    submitLabel: 'Send report',
    submitActionId: VISIT_REPORT_ACTIONS.submit,
    intro: 'Due within 5 working days of the visit. The school and the alliance manager will read it. Do not name pupils.',
    fields: [
      ...(context.subject ? [{ type: 'info' as const, id: F.subject, text: context.subject }] : []),
      { type: 'date', id: F.visitDate, label: 'Visit date', required: true },
      ...Array.from({ length: count }, (_, i) => progressGroup(i + 1, context.objectives?.[i], context.objectives !== undefined || i === 0)).flat(),
      { type: 'text', id: F.activities, label: 'What was done', help: 'For example observations, book scrutiny, coaching.', required: true, multiline: true, maxLength: 2000 },
      { type: 'text', id: F.nextSteps, label: 'Agreed next steps', required: true, multiline: true, maxLength: 2000 },
      { type: 'choice', id: F.daysUsed, label: 'Days used', required: true, choices: DAYS_USED_CHOICES.map((value) => ({ value, label: value })) },
      { type: 'toggle', id: F.noPupilData, label: 'Pupil data', title: 'This report holds no pupil names or pupil-identifying details', required: true },
    ],
    schema: createVisitReportSchema(context),
  };
}
