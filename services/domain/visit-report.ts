import { z } from 'zod';
import type { AuditEntry } from './audit.js';

export const RAG = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG)[number];

export const visitReportInputSchema = z.object({
  visitDate: z.iso.date('use YYYY-MM-DD'),
  /** One entry per plan objective, in the plan's order. */
  progress: z.array(z.object({
    rag: z.enum(RAG, 'choose red, amber or green'),
    comment: z.string().trim().min(1, 'say how this objective is going').max(1000),
  })).min(1),
  activities: z.string().trim().min(1, 'say what was done').max(2000),
  nextSteps: z.string().trim().min(1, 'add the agreed next steps').max(2000),
  daysUsed: z.number().positive('days must be more than 0').max(10).multipleOf(0.5, 'use whole or half days'),
  // Reports are shared beyond the school, so the supporter must confirm no pupil can be identified.
  noPupilData: z.literal(true, 'confirm the report holds no pupil names or pupil-identifying details'),
});

export type VisitReportInput = z.infer<typeof visitReportInputSchema>;

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
  history: AuditEntry[];
}

/** One report per deployment and visit date, so a double submit stores it once. */
export function visitReportId(deploymentId: string, visitDate: string): string {
  return `visit-report-${deploymentId.replace(/^deployment-/, '')}-${visitDate}`;
}
