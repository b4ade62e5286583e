import type { SlackOrigin } from './to-turn.js';

/** One callback id for every modal: the form id travels in private_metadata with the form's data. */
export const FORM_CALLBACK_ID = 's2s.form';

export interface FormMetadata {
  formId: string;
  /** The form's `data` (submission id, request id): a double submit carries the same submissionId. */
  data: Record<string, string>;
  /** Where the form was opened, so the result is posted back there. */
  origin: Omit<SlackOrigin, 'userId'>;
}

export function encodeFormMetadata(metadata: FormMetadata): string {
  return JSON.stringify(metadata);
}

/** Undefined for metadata this version did not write (e.g. a modal left open across a deploy). */
export function decodeFormMetadata(text: string | undefined): FormMetadata | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<FormMetadata>;
    const origin = parsed.origin;
    if (typeof parsed.formId !== 'string' || !origin || typeof origin.conversationId !== 'string') return undefined;
    return { formId: parsed.formId, data: { ...parsed.data }, origin };
  } catch {
    return undefined;
  }
}
