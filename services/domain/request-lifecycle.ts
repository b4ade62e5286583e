import { IllegalTransitionError } from '../errors.js';
import type { RequestKind } from './support-request.js';

export const REQUEST_STATUSES = [
  'submitted', 'matching', 'proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated', 'closed',
  'declined', 'withdrawn', 'on-hold', 'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Every legal move of a support request (design.md §3). Anything else is refused. */
const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ['matching', 'withdrawn', 'cancelled'],
  matching: ['proposed', 'declined', 'on-hold', 'withdrawn', 'cancelled'],
  // The supporter may decline a proposal, which sends the request back to matching.
  proposed: ['accepted', 'matching', 'withdrawn', 'cancelled'],
  accepted: ['planned', 'matching', 'withdrawn', 'cancelled'],
  planned: ['active', 'accepted', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: ['evaluated', 'closed'],
  evaluated: ['closed'],
  'on-hold': ['matching', 'declined', 'withdrawn', 'cancelled'],
  closed: [],
  declined: [],
  withdrawn: [],
  cancelled: [],
};

/** A diagnostic visit has no plan: its report, once the leader has accepted, completes it. */
const DIAGNOSTIC_SHORTCUTS: Partial<Record<RequestStatus, readonly RequestStatus[]>> = {
  accepted: ['completed'],
};

export function canTransition(from: RequestStatus, to: RequestStatus, kind: RequestKind = 'support'): boolean {
  return TRANSITIONS[from].includes(to) || (kind === 'diagnostic' && (DIAGNOSTIC_SHORTCUTS[from]?.includes(to) ?? false));
}

export function assertTransition(from: RequestStatus, to: RequestStatus, kind: RequestKind = 'support'): void {
  if (!canTransition(from, to, kind)) throw new IllegalTransitionError(from, to);
}
