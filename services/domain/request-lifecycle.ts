import { IllegalTransitionError } from '../errors.js';

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

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function isOpen(status: RequestStatus): boolean {
  return TRANSITIONS[status].length > 0;
}
