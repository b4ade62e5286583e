import { z } from 'zod';
import { MAX_OBJECTIVES } from '../../services/domain/deployment-plan.js';
import { RATING_LABELS, type EvaluationInput } from '../../services/domain/evaluation.js';
import { oneOf, requiredText } from '../field-schemas.js';
import type { FormDefinition, FormField } from '../form-definition.js';

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

export function createEvaluationSchema({ objectives }: EvaluationContext): z.ZodType<EvaluationInput> {
  const numbers = Array.from({ length: objectives?.length ?? MAX_OBJECTIVES }, (_, i) => i + 1);
  const required = (n: number) => objectives !== undefined || n === 1;
  const shape = Object.fromEntries([
    ...numbers.flatMap((n) => [
      [F.rating(n), required(n) ? oneOf(RATINGS, { noun: 'rating' }) : oneOf(RATINGS, { noun: 'rating' }).optional()],
      [F.evidence(n), required(n) ? requiredText({ max: 1000 }) : requiredText({ max: 1000 }).optional()],
    ]),
    [F.effectiveness, oneOf(RATINGS, { noun: 'rating' })],
    [F.overall, requiredText({ max: 2000 })],
  ]);
  return z.object(shape).transform((raw): EvaluationInput => ({
    objectives: numbers.filter((n) => raw[F.rating(n)] !== undefined).map((n) => ({
      rating: Number(raw[F.rating(n)]),
      evidence: String(raw[F.evidence(n)] ?? ''),
    })),
    effectiveness: Number(raw[F.effectiveness]),
    overall: String(raw[F.overall]),
  }));
}

function objectiveGroup(n: number, objective: string | undefined, required: boolean): FormField[] {
  return [
    ...(objective ? [{ type: 'info' as const, id: F.objective(n), text: `Objective ${n}: ${objective}` }] : []),
    { type: 'choice', id: F.rating(n), label: `Objective ${n}: impact`, required, choices: RATING_CHOICES },
    { type: 'text', id: F.evidence(n), label: `Objective ${n}: evidence`, required, multiline: true, maxLength: 1000 },
  ];
}

/** The supported school's evaluation of a completed deployment, rated 1–4 with evidence. */
export function createEvaluationForm(context: EvaluationContext): FormDefinition<EvaluationInput> {
  const count = context.objectives?.length ?? MAX_OBJECTIVES;
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
      { type: 'text', id: F.overall, label: 'Overall comment', required: true, multiline: true, maxLength: 2000 },
    ],
    schema: createEvaluationSchema(context),
  };
}
