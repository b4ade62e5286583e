import { z } from 'zod';
import { stripInvisible } from '../services/domain/plain-text.js';

/** One answer as either channel can express it, before the form's schema gives it a type. */
export type RawValue = string | string[] | boolean | undefined;
export type RawValues = Readonly<Record<string, RawValue>>;
/** Values to prefill a form with; numbers are allowed so stored records can be passed straight in. */
export type FormValues = Readonly<Record<string, RawValue | number>>;

export interface Choice {
  value: string;
  label: string;
}

interface InputFieldBase {
  id: string;
  label: string;
  help?: string;
  required?: boolean;
}

export interface TextField extends InputFieldBase {
  type: 'text';
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
}

/** Whole numbers, or whole and half (days of support) when `halfDays` is set. */
export interface NumberField extends InputFieldBase {
  type: 'number';
  halfDays?: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
}

/** Dates are YYYY-MM-DD; `min` lets Teams stop earlier dates before the server has to. */
export interface DateField extends InputFieldBase {
  type: 'date';
  min?: string;
}

/** Choice values must not contain commas: Teams joins multi-select answers with them. */
export interface ChoiceField extends InputFieldBase {
  type: 'choice';
  choices: readonly Choice[];
  placeholder?: string;
}

export interface MultiChoiceField extends InputFieldBase {
  type: 'multiChoice';
  choices: readonly Choice[];
  placeholder?: string;
}

/** A single checkbox; `required` means it must be ticked (a confirmation). */
export interface ToggleField extends InputFieldBase {
  type: 'toggle';
  title: string;
}

/** Read-only text inside a form; it may quote user content, so renderers never treat it as markup. */
export interface InfoField {
  type: 'info';
  id: string;
  text: string;
}

export type InputField = TextField | NumberField | DateField | ChoiceField | MultiChoiceField | ToggleField;
export type FormField = InputField | InfoField;

export interface FormDefinition<T> {
  /** Stable: submissions carry it back so the edge knows which form answered. */
  id: string;
  title: string;
  submitLabel: string;
  /** Teams `verb` and the edge's routing key for the submit button. */
  submitActionId: string;
  intro?: string;
  fields: readonly FormField[];
  /** Usually `mapOnto(...)`: the answers mapped onto a service input and checked by the domain's schema. */
  schema: z.ZodType<T>;
  /**
   * The field that asked for the answer at a path of the schema's output (`['objectives', 1, 'objective']`
   * → `objective2`, given the answers), so the domain's problems land under the right field. Default: the path's first key.
   */
  fieldOf?: (path: readonly PropertyKey[], answers: RawValues) => string | undefined;
}

/**
 * A form's schema as the domain's: `toInput` only reshapes the answers (numbered groups into lists,
 * text into numbers); every limit and message comes from the service's own schema, checked once.
 */
export function mapOnto<T>(toInput: (answers: Readonly<Record<string, unknown>>) => unknown, input: z.ZodType<T>): z.ZodType<T> {
  return z.record(z.string(), z.unknown()).transform(toInput).pipe(input);
}

/** Same shape as services' FieldProblem, so a ValidationError can carry these unchanged. */
export interface FormProblem {
  field: string;
  message: string;
}

export type FormParseResult<T> = { ok: true; value: T } | { ok: false; problems: FormProblem[] };

export function inputFields(definition: FormDefinition<unknown>): InputField[] {
  return definition.fields.filter((field): field is InputField => field.type !== 'info');
}

export function parseFormSubmission<T>(definition: FormDefinition<T>, rawValues: RawValues): FormParseResult<T> {
  const fields = inputFields(definition);
  // Unanswered fields are left out, so optional answers are absent from the value, not `undefined`.
  const entries = fields.map((field) => [field.id, normalise(field, rawValues[field.id])] as const);
  const input = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  const result = definition.schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsOnFields(definition, rawValues, result.error.issues) };
}

/**
 * Puts each problem (from the form's schema, or a service's ValidationError with a dotted path) under
 * the field that asked, one per field; a problem no field owns lands on the first input, so both
 * channels can show it.
 */
export function problemsOnFields(
  definition: FormDefinition<unknown>,
  answers: RawValues,
  problems: ReadonlyArray<{ path: readonly PropertyKey[] | string; message: string }>,
): FormProblem[] {
  const fields = inputFields(definition);
  const known = new Set(fields.map((field) => field.id));
  const shown: FormProblem[] = [];
  for (const problem of problems) {
    const path = typeof problem.path === 'string' ? problem.path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) : problem.path;
    const mapped = definition.fieldOf?.(path, answers) ?? path[0];
    const field = typeof mapped === 'string' && known.has(mapped) ? mapped : (fields[0]?.id ?? definition.id);
    if (!shown.some((p) => p.field === field)) shown.push({ field, message: problem.message });
  }
  return shown;
}

/** Gives each schema one shape per field type, whichever channel the answer came from. */
function normalise(field: InputField, value: RawValue): unknown {
  switch (field.type) {
    case 'multiChoice':
      return (Array.isArray(value) ? value : [value]).flatMap((item) => textOf(item) ?? []);
    case 'toggle':
      return value === true || value === 'true';
    case 'number': {
      const text = textOf(value);
      // Anything but a plain decimal stays text so the schema reports it, rather than Number('0x1f') slipping by.
      return text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    }
    case 'text':
      // Names and other one-line answers lose invisible direction and zero-width characters.
      return textOf(field.multiline || typeof value !== 'string' ? value : stripInvisible(value));
    default:
      return textOf(value);
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
