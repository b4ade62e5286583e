import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Validates a service input, turning zod issues into field problems the forms can show inline. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
}
