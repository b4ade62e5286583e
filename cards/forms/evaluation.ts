import { MAX_OBJECTIVES } from '../../services/domain/deployment-plan.js';
import { EVALUATION_LIMITS, evaluationInputSchema, RATING_LABELS, type EvaluationInput } from '../../services/domain/evaluation.js';
import { mapOnto, type FormDefinition, type FormField } from '../form-definition.js';

export const EVALUATION_FORM_ID = 'evaluation';

export const EVALUATION_ACTIONS = {
  submit: 'evaluation.submit',
} as const;

export const EVALUATION_FIELDS = {
  subject: 'subject',
  objective: (n: number) => `objective${n}`,
  rating: (n: number) => `rating${n}`,
  evidence: (n: number) => `evidence${n}`,
  effectiveness: 'effectiveness',
  overall: 'overall',
} as const;

const F = EVALUATION_FIELDS;
const RATINGS = ['1', '2', '3', '4'] as const;
const RATING_CHOICES = RATINGS.map((value, i) => ({ value, label: `${value}: ${RATING_LABELS[i]}` }));

export interface EvaluationContext {
  subject?: string;
  /** The plan's objectives; without them all groups show, the first required. */
  objectives?: readonly string[];
}

const OBJECTIVE_PART: Record<string, (n: number) => string> = { rating: F.rating, evidence: F.evidence };

/** Answers onto the evaluation service's input; without the plan, the groups answered count. */
export function createEvaluationSchema({ objectives }: EvaluationContext) {
  const numbers = Array.from({ length: objectives?.length ?? MAX_OBJECTIVES }, (_, i) => i + 1);
  const used = (answers: Readonly<Record<string, unknown>>) =>
    numbers.filter((n) => objectives !== undefined || n === 1 || answers[F.rating(n)] !== undefined || answers[F.evidence(n)] !== undefined);
  const asRating = (value: unknown) => (value === undefined ? undefined : Number(value));
  const schema = mapOnto((answers) => ({
    objectives: used(answers).map((n) => ({ rating: asRating(answers[F.rating(n)]), evidence: answers[F.evidence(n)] })),
    effectiveness: asRating(answers[F.effectiveness]),
    overall: answers[F.overall],
  }), evaluationInputSchema({ objectives: objectives?.length }));
  const fieldOf = (path: readonly PropertyKey[], answers: Readonly<Record<string, unknown>>): string | undefined => {
    if (path[0] !== 'objectives') return typeof path[0] === 'string' ? path[0] : undefined;
    const n = typeof path[1] === 'number' ? (used(answers)[path[1]] ?? 1) : 1;
    return (OBJECTIVE_PART[String(path[2])] ?? F.rating)(n);
  };
  return { schema, fieldOf };
}

function objectiveGroup(n: number, objective: string | undefined, required: boolean): FormField[] {
  return [
    ...(objective ? [{ type: 'info' as const, id: F.objective(n), text: `Objective ${n}: ${objective}` }] : []),
    { type: 'choice', id: F.rating(n), label: `Objective ${n}: impact`, required, choices: RATING_CHOICES },
    { type: 'text', id: F.evidence(n), label: `Objective ${n}: evidence`, required, multiline: true, maxLength: EVALUATION_LIMITS.evidence },
  ];
}

/** The supported school's evaluation of a completed deployment, rated 1–4 with evidence. */
export function createEvaluationForm(context: EvaluationContext): FormDefinition<EvaluationInput> {
  const count = context.objectives?.length ?? MAX_OBJECTIVES;
  const { schema, fieldOf } = createEvaluationSchema(context);
  return {
    id: EVALUATION_FORM_ID,
    title: 'Evaluate the support',
    submitLabel: 'Send evaluation',
    submitActionId: EVALUATION_ACTIONS.submit,
    intro: 'Rate the impact on each objective and the supporter\'s effectiveness from 1 (not effective) to 4 (highly effective). Do not name pupils.',
    fields: [
      ...(context.subject ? [{ type: 'info' as const, id: F.subject, text: context.subject }] : []),
      ...Array.from({ length: count }, (_, i) => objectiveGroup(i + 1, context.objectives?.[i], context.objectives !== undefined || i === 0)).flat(),
      { type: 'choice', id: F.effectiveness, label: 'Supporter\'s effectiveness', required: true, choices: RATING_CHOICES },
      { type: 'text', id: F.overall, label: 'Overall comment', required: true, multiline: true, maxLength: EVALUATION_LIMITS.overall },
    ],
    schema,
    fieldOf,
  };
}
