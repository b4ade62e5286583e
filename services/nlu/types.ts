import type { Phase } from '../domain/phases.js';
import type { Specialism } from '../domain/specialisms.js';

/** What a person wants from the bot. `none` means out of scope or unsure: the bot answers with help. */
export const INTENTS = ['request_support', 'request_diagnostic', 'join_alliance', 'leave_alliance', 'find_supporter', 'submit_visit_report', 'my_requests', 'help', 'none'] as const;
export type Intent = (typeof INTENTS)[number];

export interface Recognition {
  intent: Intent;
  /** Canonical ids in order of first mention, without repeats. */
  specialisms: Specialism[];
  phase: Phase | null;
}

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
