import type { z } from 'zod';

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

/** Whole numbers only: days, ratings and counts are never fractional here. */
export interface NumberField extends InputFieldBase {
  type: 'number';
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
  schema: z.ZodType<T>;
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
  const known = new Set(fields.map((field) => field.id));
  const problems: FormProblem[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    // A problem must land on an input the person can see, or neither channel can show it.
    const field = typeof key === 'string' && known.has(key) ? key : (fields[0]?.id ?? definition.id);
    if (!problems.some((problem) => problem.field === field)) problems.push({ field, message: issue.message });
  }
  return { ok: false, problems };
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
    default:
      return textOf(value);
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
