import { z } from 'zod';
import type { AuditEntry } from './audit.js';

/** 1 = not effective … 4 = highly effective; no published scale exists (domain-background.md §4). */
export const RATING_LABELS = ['Not effective', 'Partly effective', 'Effective', 'Highly effective'] as const;

const rating = z.number().int().min(1, 'rate from 1 to 4').max(4, 'rate from 1 to 4');

export const evaluationInputSchema = z.object({
  /** One entry per plan objective, in the plan's order. */
  objectives: z.array(z.object({
    rating,
    evidence: z.string().trim().min(1, 'give the evidence for this rating').max(1000),
  })).min(1),
  effectiveness: rating,
  overall: z.string().trim().min(1, 'add an overall comment').max(2000),
});

export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

/** The supported school's evaluation of a completed deployment: one per deployment. */
export interface Evaluation extends EvaluationInput {
  id: string;
  allianceId: string;
  type: 'evaluation';
  deploymentId: string;
  requestId: string;
  supporterId: string;
  evaluatedBy: string;
  /** The plan objectives the ratings answer, copied so the evaluation reads on its own. */
  objectiveTexts: string[];
  submittedAt: string;
  history: AuditEntry[];
}

export function evaluationId(deploymentId: string): string {
  return `evaluation-${deploymentId.replace(/^deployment-/, '')}`;
}
