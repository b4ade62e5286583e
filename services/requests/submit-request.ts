import type { Person } from '../domain/person.js';
import type { Phase } from '../domain/phases.js';
import type { Specialism } from '../domain/specialisms.js';
import type { ChannelKind, SupportRequest } from '../domain/support-request.js';
import { DuplicateError, ForbiddenError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { proposeCandidates } from './propose-candidates.js';
import { nextRequestReference } from './request-reference.js';
import { transitionRequest } from './transition-request.js';

/** A validated support-request form, whichever channel it came from. */
export interface SupportRequestInput {
  specialisms: Specialism[];
  phase: Phase;
  need: string;
  outcomes: string;
  daysWanted: number;
  preferredStart: string;
  ofstedContext?: string;
}

export interface SubmitResult {
  request: Stored<SupportRequest>;
  /** True when this submission was already received (a double click or a retried request). */
  alreadyReceived: boolean;
}

const SUBMISSION_ID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * Stores a head's request for their school and moves it to matching, with the best candidates
 * frozen on it for the manager channel. `submissionId` comes from the form instance, so a second
 * click of the same form returns the first request instead of storing another.
 */
export async function submitSupportRequest(
  ctx: ServiceContext,
  requester: Stored<Person>,
  input: SupportRequestInput,
  meta: { via: ChannelKind; submissionId: string },
): Promise<SubmitResult> {
  if (requester.role !== 'head' || !requester.baseSchoolUrn) {
    throw new ForbiddenError('Only a school leader with a school in the directory can request support. Ask your alliance manager to add you as a head.');
  }
  if (!SUBMISSION_ID.test(meta.submissionId)) throw new ForbiddenError('This form is not valid any more. Please open a new one.');
  const id = `request-${meta.submissionId}`;
  const existing = await ctx.store.get<SupportRequest>(requester.allianceId, id);
  if (existing) return { request: existing, alreadyReceived: true };

  const at = ctx.clock.now().toISOString();
  const reference = await nextRequestReference(ctx.store, ctx.clock, requester.allianceId);
  let submitted: Stored<SupportRequest>;
  try {
    submitted = await ctx.store.create<SupportRequest>({
      id,
      allianceId: requester.allianceId,
      type: 'supportRequest',
      reference,
      schoolUrn: requester.baseSchoolUrn,
      requesterId: requester.id,
      specialisms: input.specialisms,
      phase: input.phase,
      need: input.need,
      outcomes: input.outcomes,
      daysWanted: input.daysWanted,
      preferredStart: input.preferredStart,
      ...(input.ofstedContext ? { ofstedContext: input.ofstedContext } : {}),
      status: 'submitted',
      candidates: [],
      excludedCandidateIds: [],
      createdVia: meta.via,
      createdAt: at,
      updatedAt: at,
      history: [{ at, by: requester.id, action: 'status', to: 'submitted' }],
    });
  } catch (error) {
    // Two clicks raced past the check above: the other one stored it.
    if (error instanceof DuplicateError) {
      const first = await ctx.store.get<SupportRequest>(requester.allianceId, id);
      if (first) return { request: first, alreadyReceived: true };
    }
    throw error;
  }

  const candidates = await proposeCandidates(ctx, submitted);
  const matching = await transitionRequest(ctx, submitted, {
    to: 'matching',
    by: requester.id,
    changes: { candidates },
    notify: [{ target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: id } }],
  });
  return { request: matching, alreadyReceived: false };
}
