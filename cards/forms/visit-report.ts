import { englandDate } from '../../services/clock.js';
import { MAX_OBJECTIVES } from '../../services/domain/deployment-plan.js';
import { RAG, REPORT_LIMITS, visitReportInputSchema, type VisitReportInput } from '../../services/domain/visit-report.js';
import { mapOnto, type FormDefinition, type FormField } from '../form-definition.js';
import { readUkDate } from '../uk-date.js';

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
  /** The plan's first visit date: a report dated before it is refused before the form closes. */
  firstVisit?: string;
}

const PROGRESS_PART: Record<string, (n: number) => string> = { rag: F.rag, comment: F.comment };

/** Answers onto the report service's input; without the plan, the groups answered count. */
export function createVisitReportSchema({ now, objectives, firstVisit }: VisitReportContext) {
  const today = englandDate(now);
  const count = objectives?.length ?? MAX_OBJECTIVES;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const used = (answers: Readonly<Record<string, unknown>>) =>
    numbers.filter((n) => objectives !== undefined || n === 1 || answers[F.rag(n)] !== undefined || answers[F.comment(n)] !== undefined);
  const schema = mapOnto((answers) => ({
    visitDate: typeof answers[F.visitDate] === 'string' ? readUkDate(String(answers[F.visitDate]), today) : undefined,
    progress: used(answers).map((n) => ({ rag: answers[F.rag(n)], comment: answers[F.comment(n)] })),
    activities: answers[F.activities],
    nextSteps: answers[F.nextSteps],
    daysUsed: answers[F.daysUsed] === undefined ? undefined : Number(answers[F.daysUsed]),
    noPupilData: answers[F.noPupilData],
  }), visitReportInputSchema({ today, objectives: objectives?.length, firstVisit }));
  const fieldOf = (path: readonly PropertyKey[], answers: Readonly<Record<string, unknown>>): string | undefined => {
    if (path[0] !== 'progress') return typeof path[0] === 'string' ? path[0] : undefined;
    const n = typeof path[1] === 'number' ? (used(answers)[path[1]] ?? 1) : 1;
    return (PROGRESS_PART[String(path[2])] ?? F.rag)(n);
  };
  return { schema, fieldOf };
}

function progressGroup(n: number, objective: string | undefined, required: boolean): FormField[] {
  return [
    ...(objective ? [{ type: 'info' as const, id: F.objective(n), text: `Objective ${n}: ${objective}` }] : []),
    { type: 'choice', id: F.rag(n), label: `Objective ${n}: progress`, required, choices: RAG.map((value) => ({ value, label: RAG_LABELS[value] })) },
    { type: 'text', id: F.comment(n), label: `Objective ${n}: comment`, required, multiline: true, maxLength: REPORT_LIMITS.comment },
  ];
}

export function createVisitReportForm(context: VisitReportContext): FormDefinition<VisitReportInput> {
  const count = context.objectives?.length ?? MAX_OBJECTIVES;
  const { schema, fieldOf } = createVisitReportSchema(context);
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
      { type: 'text', id: F.activities, label: 'What was done', help: 'For example observations, book scrutiny, coaching.', required: true, multiline: true, maxLength: REPORT_LIMITS.text },
      { type: 'text', id: F.nextSteps, label: 'Agreed next steps', required: true, multiline: true, maxLength: REPORT_LIMITS.text },
      { type: 'choice', id: F.daysUsed, label: 'Days used', required: true, choices: DAYS_USED_CHOICES.map((value) => ({ value, label: value })) },
      { type: 'toggle', id: F.noPupilData, label: 'Pupil data', title: 'This report holds no pupil names or pupil-identifying details', required: true },
    ],
    schema,
    fieldOf,
  };
}
