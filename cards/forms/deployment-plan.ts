import { englandDate } from '../../services/clock.js';
import { MAX_OBJECTIVES, PLAN_LIMITS, planInputSchema, type DeploymentPlan, type PlanInput } from '../../services/domain/deployment-plan.js';
import { mapOnto, type FormDefinition, type FormField, type FormValues } from '../form-definition.js';
import { readUkDates } from '../uk-date.js';

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
  /** Today, for dates written without a year ("11 Jan"). */
  now: Date;
}

const PART_OF: Record<string, (n: number) => string> = {
  objective: PLAN_FIELDS.objective, successCriteria: PLAN_FIELDS.successCriteria, impactMeasure: PLAN_FIELDS.impactMeasure,
};

/**
 * The numbered groups become the plan's objectives: group 1 always, a later group once any of it is
 * filled in (then the domain asks for all of it). Which group became which objective is kept so a
 * problem with `objectives.1` lands on the group the person typed it in.
 */
function usedGroups(answers: Readonly<Record<string, unknown>>): number[] {
  const answered = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return GROUP_NUMBERS.filter((n) => n === 1 || GROUP_PARTS.some((part) => answered(answers[part(n)])));
}

function planSchema(now: Date) {
  const today = englandDate(now);
  const schema = mapOnto((answers) => {
    return {
      objectives: usedGroups(answers).map((n) => ({
        objective: answers[PLAN_FIELDS.objective(n)],
        successCriteria: answers[PLAN_FIELDS.successCriteria(n)],
        impactMeasure: answers[PLAN_FIELDS.impactMeasure(n)],
      })),
      days: answers[PLAN_FIELDS.days],
      visitDates: typeof answers[PLAN_FIELDS.visitDates] === 'string' ? readUkDates(String(answers[PLAN_FIELDS.visitDates]), today) : undefined,
    };
  }, planInputSchema);
  const fieldOf = (path: readonly PropertyKey[], answers: Readonly<Record<string, unknown>>): string | undefined => {
    if (path[0] !== 'objectives') return typeof path[0] === 'string' ? path[0] : undefined;
    const n = typeof path[1] === 'number' ? (usedGroups(answers)[path[1]] ?? 1) : 1;
    return (PART_OF[String(path[2])] ?? PLAN_FIELDS.objective)(n);
  };
  return { schema, fieldOf };
}

function objectiveGroup(n: number): FormField[] {
  const required = n === 1;
  const suffix = required ? '' : ' (optional)';
  return [
    { type: 'text', id: PLAN_FIELDS.objective(n), label: `Objective ${n}${suffix}`, required, maxLength: PLAN_LIMITS.objective },
    { type: 'text', id: PLAN_FIELDS.successCriteria(n), label: `Objective ${n}: success criteria`, required, multiline: true, maxLength: PLAN_LIMITS.detail },
    { type: 'text', id: PLAN_FIELDS.impactMeasure(n), label: `Objective ${n}: how impact will be measured`, required, multiline: true, maxLength: PLAN_LIMITS.detail },
  ];
}

export function createDeploymentPlanForm({ subject, now }: DeploymentPlanContext): FormDefinition<PlanInput> {
  const { schema, fieldOf } = planSchema(now);
  return {
    id: DEPLOYMENT_PLAN_FORM_ID,
    title: 'Deployment plan',
    submitLabel: 'Send for confirmation',
    submitActionId: DEPLOYMENT_PLAN_ACTIONS.submit,
    intro: 'Agree objectives, days and visit dates. The school, the alliance and you each confirm the plan before visits start. The cost is days × your day rate.',
    fields: [
      { type: 'info', id: PLAN_FIELDS.subject, text: subject },
      ...GROUP_NUMBERS.flatMap(objectiveGroup),
      {
        type: 'number', id: PLAN_FIELDS.days, label: 'Days', help: 'Whole or half days, e.g. 6 or 4.5.', required: true,
        halfDays: true, min: PLAN_LIMITS.minDays, max: PLAN_LIMITS.maxDays,
      },
      {
        type: 'text', id: PLAN_FIELDS.visitDates, label: 'Visit dates', required: true, multiline: true, maxLength: 900,
        help: 'One visit a day at most, separated by commas or new lines, e.g. 11/01/2027, 25 Jan 2027.',
      },
    ],
    schema,
    fieldOf,
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
