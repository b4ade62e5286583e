import { IllegalTransitionError } from '../errors.js';
import type { RequestKind } from './support-request.js';

export const REQUEST_STATUSES = [
  'submitted', 'matching', 'proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated', 'closed',
  'declined', 'withdrawn', 'on-hold', 'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Every legal move of a support request (design.md §3). Anything else is refused. */
const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ['matching', 'withdrawn', 'closed', 'cancelled'],
  matching: ['proposed', 'declined', 'on-hold', 'withdrawn', 'closed', 'cancelled'],
  // The supporter may decline a proposal, which sends the request back to matching.
  proposed: ['accepted', 'matching', 'withdrawn', 'closed', 'cancelled'],
  accepted: ['planned', 'matching', 'withdrawn', 'closed', 'cancelled'],
  // The school may withdraw until the support is delivered; the manager may close (abandon) it at any stage.
  planned: ['active', 'accepted', 'withdrawn', 'closed', 'cancelled'],
  active: ['completed', 'withdrawn', 'closed', 'cancelled'],
  completed: ['evaluated', 'closed'],
  evaluated: ['closed'],
  // Approving a candidate for a request on hold resumes it and proposes them in one decision.
  'on-hold': ['matching', 'proposed', 'declined', 'withdrawn', 'closed', 'cancelled'],
  // Reopened: back to where delivered support stood, or to matching when the close abandoned it.
  closed: ['matching', 'completed', 'evaluated'],
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
