import { showDate } from './show-date.js';
import { z } from 'zod';
import { dayCount, isoDate, oneOf, requiredText } from './input-fields.js';
import type { AuditEntry } from './audit.js';
import type { ReportConfirmation } from './visit-report-check.js';

export const RAG = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG)[number];

export const REPORT_LIMITS = { comment: 1000, text: 2000, maxDaysUsed: 10 } as const;

/** How each plan objective is going, in the plan's order: a visit report's and a mid-term review's. */
export const objectiveProgressSchema = z.array(z.object({
  rag: oneOf(RAG, { noun: 'rating' }),
  comment: requiredText({ max: REPORT_LIMITS.comment }),
})).min(1, 'Please say how each objective is going.');

const baseReportSchema = z.object({
  visitDate: isoDate(),
  progress: objectiveProgressSchema,
  activities: requiredText({ max: REPORT_LIMITS.text }),
  nextSteps: requiredText({ max: REPORT_LIMITS.text }),
  daysUsed: dayCount({ min: 0.5, max: REPORT_LIMITS.maxDaysUsed }),
  // Reports are shared beyond the school, so the supporter must confirm no pupil can be identified.
  noPupilData: z.literal(true, 'Please confirm the report holds no pupil names or pupil-identifying details.'),
});

export type VisitReportInput = z.infer<typeof baseReportSchema>;

/** What a report must fit: the day it is written and the plan it reports on. */
export interface ReportContext {
  /** England's date today (YYYY-MM-DD): a visit is reported once it has happened. */
  today: string;
  /** The plan's objective count: one progress entry each. */
  objectives?: number;
  /** The first agreed visit date: a report cannot be of a visit before it. */
  firstVisit?: string;
}

export function visitReportInputSchema({ today, objectives, firstVisit }: ReportContext): z.ZodType<VisitReportInput> {
  return baseReportSchema.superRefine((report, ctx) => {
    if (report.visitDate > today) ctx.addIssue({ code: 'custom', path: ['visitDate'], message: 'Report a visit once it has happened.' });
    if (firstVisit && report.visitDate < firstVisit) {
      ctx.addIssue({ code: 'custom', path: ['visitDate'], message: `The first agreed visit is ${showDate(firstVisit)}: please check the date.` });
    }
    if (objectives !== undefined && report.progress.length !== objectives) {
      ctx.addIssue({ code: 'custom', path: ['progress'], message: `Please give progress on each of the plan's ${objectives} objectives.` });
    }
  });
}

/** A supporter's record of one visit, its own document so reports never contend with the deployment. */
export interface VisitReport extends VisitReportInput {
  id: string;
  allianceId: string;
  type: 'visitReport';
  deploymentId: string;
  requestId: string;
  supporterId: string;
  /** The plan objectives the progress entries answer, copied so the report reads on its own. */
  objectives: string[];
  submittedAt: string;
  /** The supported school's reading of it: accurate, or what needs correcting. */
  confirmation?: ReportConfirmation;
  history: AuditEntry[];
}

/** One report per deployment and visit date, so a double submit stores it once. */
export function visitReportId(deploymentId: string, visitDate: string): string {
  return `visit-report-${deploymentId.replace(/^deployment-/, '')}-${visitDate}`;
}
