import { z } from 'zod';
import { MAX_OBJECTIVES, type DeploymentPlan, type PlanInput } from '../../services/domain/deployment-plan.js';
import { isoDate, optionalText, wholeNumber } from '../field-schemas.js';
import type { FormDefinition, FormField, FormValues } from '../form-definition.js';

export const DEPLOYMENT_PLAN_FORM_ID = 'deployment-plan';

export const DEPLOYMENT_PLAN_ACTIONS = {
  submit: 'deployment-plan.submit',
} as const;

/** Objective groups are numbered fields (objective1, successCriteria1, impactMeasure1, …). */
export const PLAN_FIELDS = {
  subject: 'subject',
  objective: (n: number) => `objective${n}`,
  successCriteria: (n: number) => `successCriteria${n}`,
  impactMeasure: (n: number) => `impactMeasure${n}`,
  days: 'days',
  visitDates: 'visitDates',
} as const;

const GROUP_NUMBERS = Array.from({ length: MAX_OBJECTIVES }, (_, i) => i + 1);
const GROUP_PARTS = [PLAN_FIELDS.objective, PLAN_FIELDS.successCriteria, PLAN_FIELDS.impactMeasure];

export interface DeploymentPlanContext {
  /** What is being planned, e.g. "S2S-2026-0042 at Riverside Primary School". */
  subject: string;
}

const rawShape = Object.fromEntries([
  ...GROUP_NUMBERS.flatMap((n) => GROUP_PARTS.map((part) => [part(n), optionalText({ max: 1000 })])),
  [PLAN_FIELDS.days, wholeNumber({ min: 1, max: 60 })],
  [PLAN_FIELDS.visitDates, z.string({ error: 'Please add at least one visit date.' })],
]);

/** Dates may be separated by commas, spaces or new lines. */
function splitDates(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

export const deploymentPlanSchema: z.ZodType<PlanInput> = z.object(rawShape).superRefine((raw, ctx) => {
  for (const n of GROUP_NUMBERS) {
    const answered = GROUP_PARTS.filter((part) => raw[part(n)] !== undefined);
    // Objective 1 is required; a later group counts only when any of it is filled in, and then all of it.
    if (n > 1 && answered.length === 0) continue;
    for (const part of GROUP_PARTS) {
      if (raw[part(n)] === undefined) ctx.addIssue({ code: 'custom', path: [part(n)], message: 'Please answer this question.' });
    }
  }
  for (const date of splitDates(String(raw[PLAN_FIELDS.visitDates] ?? ''))) {
    if (!isoDate().safeParse(date).success) {
      ctx.addIssue({ code: 'custom', path: [PLAN_FIELDS.visitDates], message: `"${date}" is not a date as YYYY-MM-DD.` });
    }
  }
}).transform((raw): PlanInput => ({
  objectives: GROUP_NUMBERS.filter((n) => raw[PLAN_FIELDS.objective(n)] !== undefined).map((n) => ({
    objective: String(raw[PLAN_FIELDS.objective(n)]),
    successCriteria: String(raw[PLAN_FIELDS.successCriteria(n)]),
    impactMeasure: String(raw[PLAN_FIELDS.impactMeasure(n)]),
  })),
  days: Number(raw[PLAN_FIELDS.days]),
  visitDates: splitDates(String(raw[PLAN_FIELDS.visitDates])),
}));

function objectiveGroup(n: number): FormField[] {
  const required = n === 1;
  const suffix = required ? '' : ' (optional)';
  return [
    { type: 'text', id: PLAN_FIELDS.objective(n), label: `Objective ${n}${suffix}`, required, maxLength: 1000 },
    { type: 'text', id: PLAN_FIELDS.successCriteria(n), label: `Objective ${n}: success criteria`, required, multiline: true, maxLength: 1000 },
    { type: 'text', id: PLAN_FIELDS.impactMeasure(n), label: `Objective ${n}: how impact will be measured`, required, multiline: true, maxLength: 1000 },
  ];
}

export function createDeploymentPlanForm({ subject }: DeploymentPlanContext): FormDefinition<PlanInput> {
  return {
    id: DEPLOYMENT_PLAN_FORM_ID,
    title: 'Deployment plan',
    submitLabel: 'Send for confirmation',
    submitActionId: DEPLOYMENT_PLAN_ACTIONS.submit,
    intro: 'Agree objectives, days and visit dates. The school, the alliance and you each confirm the plan before visits start. The cost is days × your day rate.',
    fields: [
      { type: 'info', id: PLAN_FIELDS.subject, text: subject },
      ...GROUP_NUMBERS.flatMap(objectiveGroup),
      { type: 'number', id: PLAN_FIELDS.days, label: 'Days', help: 'Whole days, from 1 to 60.', required: true, min: 1, max: 60 },
      {
        type: 'text', id: PLAN_FIELDS.visitDates, label: 'Visit dates', required: true, maxLength: 700,
        help: 'As YYYY-MM-DD, separated by commas, e.g. 2027-01-11, 2027-01-25.',
      },
    ],
    schema: deploymentPlanSchema,
  };
}

/** A submitted plan as form answers, so a revision starts from the last version. */
export function planFormValues(plan: DeploymentPlan): FormValues {
  return Object.fromEntries([
    ...plan.objectives.flatMap((o, i) => [
      [PLAN_FIELDS.objective(i + 1), o.objective], [PLAN_FIELDS.successCriteria(i + 1), o.successCriteria], [PLAN_FIELDS.impactMeasure(i + 1), o.impactMeasure],
    ]),
    [PLAN_FIELDS.days, plan.days],
    [PLAN_FIELDS.visitDates, plan.visitDates.join(', ')],
  ]);
}
