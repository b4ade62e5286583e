import { z } from 'zod';
import { dayCount, isoDate, requiredText } from './input-fields.js';

/** The form offers this many objective groups; a plan needs at least one. */
export const MAX_OBJECTIVES = 3;

/** Limits of a plan's answers, which the plan form shows as its own. */
export const PLAN_LIMITS = { objective: 500, detail: 1000, minDays: 0.5, maxDays: 200, maxVisits: 60, comment: 1000 } as const;

export const objectiveSchema = z.object({
  objective: requiredText({ max: PLAN_LIMITS.objective }),
  successCriteria: requiredText({ max: PLAN_LIMITS.detail }),
  impactMeasure: requiredText({ max: PLAN_LIMITS.detail }),
});

const planDays = dayCount({ min: PLAN_LIMITS.minDays, max: PLAN_LIMITS.maxDays });
const visitDatesSchema = z.array(isoDate(), { error: 'Please add at least one visit date.' })
  .min(1, 'Please add at least one visit date.').max(PLAN_LIMITS.maxVisits, `Please list at most ${PLAN_LIMITS.maxVisits} visit dates.`);

export const planInputSchema = z.object({
  objectives: z.array(objectiveSchema).min(1, 'Please add at least one objective.').max(MAX_OBJECTIVES),
  days: planDays,
  visitDates: visitDatesSchema,
}).refine(
  // Each visit is at most a day, so fewer dates than days cannot deliver the plan.
  (plan) => new Set(plan.visitDates).size >= Math.ceil(plan.days),
  {
    path: ['visitDates'],
    error: (issue) => {
      const plan = issue.input as { days: number; visitDates: string[] };
      return `${plan.days} days need at least ${Math.ceil(plan.days)} visit dates; you listed ${new Set(plan.visitDates).size}.`;
    },
    // Checked even when other answers have problems, so the person sees them all at once.
    when: ({ value }) => daysAndDatesValid(value),
  },
);

function daysAndDatesValid(value: unknown): boolean {
  const plan = value as { days?: unknown; visitDates?: unknown };
  return planDays.safeParse(plan.days).success && visitDatesSchema.safeParse(plan.visitDates).success;
}

/** Any party's request to change the plan before it is agreed. */
export const planChangesInputSchema = z.object({
  comment: requiredText({ min: 5, max: PLAN_LIMITS.comment }),
});

export type PlanChangesInput = z.infer<typeof planChangesInputSchema>;
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
