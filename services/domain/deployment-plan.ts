import { z } from 'zod';

/** The form offers this many objective groups; a plan needs at least one. */
export const MAX_OBJECTIVES = 3;

const text = (what: string, max: number) => z.string().trim().min(1, `add ${what}`).max(max);

export const objectiveSchema = z.object({
  objective: text('the objective', 500),
  successCriteria: text('how success will be judged', 1000),
  impactMeasure: text('how impact will be measured', 1000),
});

export const planInputSchema = z.object({
  objectives: z.array(objectiveSchema).min(1, 'add at least one objective').max(MAX_OBJECTIVES),
  // Half days are how deployments are usually agreed (e.g. ½ day a week for an LLE).
  days: z.number().positive('days must be more than 0').max(200).multipleOf(0.5, 'use whole or half days'),
  visitDates: z.array(z.iso.date('use YYYY-MM-DD')).min(1, 'add at least one visit date').max(60),
});

export type PlanObjective = z.infer<typeof objectiveSchema>;
export type PlanInput = z.infer<typeof planInputSchema>;

/** The three parties who sign a plan off (design.md §3). */
export const PLAN_PARTIES = ['supporter', 'alliance', 'school'] as const;
export type PlanParty = (typeof PLAN_PARTIES)[number];

export interface PlanConfirmation {
  by: string;
  at: string;
}

export interface DeploymentPlan extends PlanInput {
  /** Copied from the deployment so the signed-off cost cannot drift if the alliance's rate changes. */
  dayRate: number;
  cost: number;
  /** Counts submissions, so a confirmation is always of a known version. */
  version: number;
  status: 'awaiting-confirmation' | 'changes-requested' | 'confirmed';
  submittedBy: string;
  submittedAt: string;
  confirmations: Partial<Record<PlanParty, PlanConfirmation>>;
  changesRequested?: { by: string; at: string; comment: string };
}

export function planCost(days: number, dayRate: number): number {
  return Math.round(days * dayRate * 100) / 100;
}
