import { z } from 'zod';
import { requiredText } from './input-fields.js';
import type { AuditEntry } from './audit.js';

/** 1 = not effective … 4 = highly effective; no published scale exists (domain-background.md §4). */
export const RATING_LABELS = ['Not effective', 'Partly effective', 'Effective', 'Highly effective'] as const;

export const EVALUATION_LIMITS = { evidence: 1000, overall: 2000 } as const;

const rating = z.number({ error: 'Please choose a rating.' }).int().min(1, 'Please rate from 1 to 4.').max(4, 'Please rate from 1 to 4.');

const baseEvaluationSchema = z.object({
  /** One entry per plan objective, in the plan's order. */
  objectives: z.array(z.object({
    rating,
    evidence: requiredText({ max: EVALUATION_LIMITS.evidence }),
  })).min(1, 'Please rate each objective.'),
  effectiveness: rating,
  overall: requiredText({ max: EVALUATION_LIMITS.overall }),
});

export type EvaluationInput = z.infer<typeof baseEvaluationSchema>;

/** `objectives`: the plan's objective count, each rated once. */
export function evaluationInputSchema({ objectives }: { objectives?: number } = {}): z.ZodType<EvaluationInput> {
  return baseEvaluationSchema.superRefine((evaluation, ctx) => {
    if (objectives !== undefined && evaluation.objectives.length !== objectives) {
      ctx.addIssue({ code: 'custom', path: ['objectives'], message: `Please rate each of the plan's ${objectives} objectives.` });
    }
  });
}

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
