import type { z } from 'zod';
import { ValidationError, type FieldProblem } from './errors.js';

/**
 * Validates a service input against the domain's schema for it. Every problem comes back at once,
 * one per field, with its path in the input (`objectives.0.objective`) so a form can put it under
 * the field that asked.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(problemsOf(parsed.error));
}

/** The first problem of each path: a field says one thing at a time. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!problems.some((problem) => problem.field === field)) problems.push({ field, message: issue.message });
  }
  return problems;
}
