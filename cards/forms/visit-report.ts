import { englandDate } from '../../services/clock.js';
import { showDate } from '../../services/domain/show-date.js';
import { REPORT_LIMITS, visitReportInputSchema, type VisitReportInput } from '../../services/domain/visit-report.js';
import { mapOnto, type FormDefinition, type FormValues } from '../form-definition.js';
import { readUkDate } from '../uk-date.js';
import { objectiveProgress, PROGRESS_FIELDS } from './objective-progress.js';

export const VISIT_REPORT_FORM_ID = 'visit-report';
/** The same form correcting a report: its own id, so an edge checking answers before the flow knows the date is not asked. */
export const VISIT_REPORT_CORRECTION_FORM_ID = 'visit-report-correction';

export const VISIT_REPORT_ACTIONS = {
  submit: 'visit-report.submit',
} as const;

export const VISIT_REPORT_FIELDS = {
  subject: 'subject',
  visitDate: 'visitDate',
  ...PROGRESS_FIELDS,
  activities: 'activities',
  nextSteps: 'nextSteps',
  daysUsed: 'daysUsed',
  noPupilData: 'noPupilData',
} as const;

const F = VISIT_REPORT_FIELDS;
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
  /** A correction's visit date: shown, not asked, as it names the report being corrected. */
  correcting?: string;
}

/** Answers onto the report service's input; without the plan, the groups answered count. */
export function createVisitReportSchema({ now, objectives, firstVisit, correcting }: VisitReportContext) {
  const today = englandDate(now);
  const progress = objectiveProgress(objectives);
  const schema = mapOnto((answers) => ({
    visitDate: correcting ?? (typeof answers[F.visitDate] === 'string' ? readUkDate(String(answers[F.visitDate]), today) : undefined),
    progress: progress.read(answers),
    activities: answers[F.activities],
    nextSteps: answers[F.nextSteps],
    daysUsed: answers[F.daysUsed] === undefined ? undefined : Number(answers[F.daysUsed]),
    noPupilData: answers[F.noPupilData],
  }), visitReportInputSchema({ today, objectives: objectives?.length, firstVisit }));
  const fieldOf = (path: readonly PropertyKey[], answers: Readonly<Record<string, unknown>>): string | undefined => {
    if (path[0] !== 'progress') return typeof path[0] === 'string' ? path[0] : undefined;
    return progress.fieldOf(path, answers);
  };
  return { schema, fieldOf };
}

/** A stored report as the form's answers, for its correction; the no-pupil-data box is ticked afresh for the new text. */
export function visitReportFormValues(report: VisitReportInput): FormValues {
  return Object.fromEntries([
    ...report.progress.flatMap((p, i) => [[F.rag(i + 1), p.rag], [F.comment(i + 1), p.comment]]),
    [F.activities, report.activities],
    [F.nextSteps, report.nextSteps],
    [F.daysUsed, String(report.daysUsed)],
  ]);
}

export function createVisitReportForm(context: VisitReportContext): FormDefinition<VisitReportInput> {
  const { schema, fieldOf } = createVisitReportSchema(context);
  const { correcting } = context;
  return {
    id: correcting ? VISIT_REPORT_CORRECTION_FORM_ID : VISIT_REPORT_FORM_ID,
    title: correcting ? 'Correct a visit report' : 'Visit report',
    submitLabel: correcting ? 'Send correction' : 'Send report',
    submitActionId: VISIT_REPORT_ACTIONS.submit,
    intro: correcting
      ? 'Change what needs correcting. The school and the alliance manager will be told the report was corrected. Do not name pupils.'
      : 'Due within 5 working days of the visit. The school and the alliance manager will read it. Do not name pupils.',
    fields: [
      ...(context.subject ? [{ type: 'info' as const, id: F.subject, text: context.subject }] : []),
      correcting
        ? { type: 'info' as const, id: F.visitDate, text: `Visit date: ${showDate(correcting)}` }
        : { type: 'date' as const, id: F.visitDate, label: 'Visit date', required: true },
      ...objectiveProgress(context.objectives).fields,
      { type: 'text', id: F.activities, label: 'What was done', help: 'For example observations, book scrutiny, coaching.', required: true, multiline: true, maxLength: REPORT_LIMITS.text },
      { type: 'text', id: F.nextSteps, label: 'Agreed next steps', required: true, multiline: true, maxLength: REPORT_LIMITS.text },
      { type: 'choice', id: F.daysUsed, label: 'Days used', required: true, choices: DAYS_USED_CHOICES.map((value) => ({ value, label: value })) },
      { type: 'toggle', id: F.noPupilData, label: 'Pupil data', title: 'This report holds no pupil names or pupil-identifying details', required: true },
    ],
    schema,
    fieldOf,
  };
}
