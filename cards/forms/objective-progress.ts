import { MAX_OBJECTIVES } from '../../services/domain/deployment-plan.js';
import { RAG, REPORT_LIMITS } from '../../services/domain/visit-report.js';
import type { FormField } from '../form-definition.js';

/** Field ids of the numbered groups, one per plan objective: `rag1`, `comment1`, … */
export const PROGRESS_FIELDS = {
  objective: (n: number) => `objective${n}`,
  rag: (n: number) => `rag${n}`,
  comment: (n: number) => `comment${n}`,
} as const;

const F = PROGRESS_FIELDS;
const RAG_LABELS: Record<(typeof RAG)[number], string> = { red: 'Red: off track', amber: 'Amber: some progress', green: 'Green: on track' };
const PART: Record<string, (n: number) => string> = { rag: F.rag, comment: F.comment };

/**
 * "How is each objective going" as form groups, shared by the visit report and the mid-term review.
 * Without the plan's objectives (a form rebuilt from its id alone) every group shows, the first
 * required, and the groups answered count.
 */
export function objectiveProgress(objectives: readonly string[] | undefined) {
  const count = objectives?.length ?? MAX_OBJECTIVES;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const used = (answers: Readonly<Record<string, unknown>>) =>
    numbers.filter((n) => objectives !== undefined || n === 1 || answers[F.rag(n)] !== undefined || answers[F.comment(n)] !== undefined);
  return {
    fields: numbers.flatMap((n): FormField[] => {
      const objective = objectives?.[n - 1];
      const required = objectives !== undefined || n === 1;
      return [
        ...(objective ? [{ type: 'info' as const, id: F.objective(n), text: `Objective ${n}: ${objective}` }] : []),
        { type: 'choice', id: F.rag(n), label: `Objective ${n}: progress`, required, choices: RAG.map((value) => ({ value, label: RAG_LABELS[value] })) },
        { type: 'text', id: F.comment(n), label: `Objective ${n}: comment`, required, multiline: true, maxLength: REPORT_LIMITS.comment },
      ];
    }),
    /** The answers as the domain's `progress` list. */
    read: (answers: Readonly<Record<string, unknown>>) => used(answers).map((n) => ({ rag: answers[F.rag(n)], comment: answers[F.comment(n)] })),
    /** The field behind a problem at `['progress', i, part]`. */
    fieldOf: (path: readonly PropertyKey[], answers: Readonly<Record<string, unknown>>): string => {
      const n = typeof path[1] === 'number' ? (used(answers)[path[1]] ?? 1) : 1;
      return (PART[String(path[2])] ?? F.rag)(n);
    },
  };
}
