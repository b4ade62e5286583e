import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import { englandDate } from '../clock.js';
import { supportRequestInputSchema, type SupportRequest, type SupportRequestInput } from '../domain/support-request.js';
import type { ChannelKind } from '../identity/channel-identity.js';
import { parseInput } from '../parse-input.js';
import { ConcurrencyError, DuplicateError, ForbiddenError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { requireMemberSchool } from '../membership/member-school.js';
import { brokerSubmitted, raiserOf } from './broker-submitted.js';
import { nextRequestReference, releaseRequestReference } from './request-reference.js';

export interface SubmitResult {
  request: Stored<SupportRequest>;
  /** True when this submission was already received (a double click or a retried request). */
  alreadyReceived: boolean;
  /** The school it is for, as read to check it is still a member: for the confirmation. */
  school?: Stored<School>;
}

const SUBMISSION_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** What a new request holds beyond who asked: support, a diagnostic, or support following a diagnostic. */
export type NewRequestFields = SupportRequestInput & Pick<SupportRequest, 'kind' | 'followsDiagnosticReportId'>;

/** Whose request it is: the school it is for, the head who follows it, and who raised it. */
export interface RequestOwner {
  allianceId: string;
  schoolUrn: string;
  requesterId: string;
  /** The head, or a manager raising it for the school (a follow-on from a diagnostic). */
  raisedBy: string;
}

/**
 * Stores a head's request for their school and moves it to matching, with the best candidates
 * frozen on it for the manager channel (after the turn, where the context brokers in the
 * background). `submissionId` comes from the form instance, so a second click of the same form
 * returns the first request instead of storing another.
 */
export async function submitSupportRequest(
  ctx: ServiceContext,
  requester: Stored<Person>,
  input: SupportRequestInput,
  meta: { via: ChannelKind | 'cli'; submissionId: string },
): Promise<SubmitResult> {
  const schoolUrn = requireRequestingHead(requester);
  const fields = parseInput(supportRequestInputSchema({ today: englandDate(ctx.clock.now()) }), input);
  return storeRequest(ctx, { allianceId: requester.allianceId, schoolUrn, requesterId: requester.id, raisedBy: requester.id }, { ...fields, kind: 'support' }, meta);
}

/** The school a person may ask for on behalf of; only heads with a school in the directory may ask. */
export function requireRequestingHead(requester: Person): string {
  if (requester.role !== 'head' || !requester.baseSchoolUrn) {
    throw new ForbiddenError('Only a school leader with a school in the directory can request support. Ask your alliance manager to add you as a head.');
  }
  return requester.baseSchoolUrn;
}

/** Stores any kind of request once per submission, then puts it in front of the managers with its candidates. */
export async function storeRequest(
  ctx: ServiceContext,
  owner: RequestOwner,
  fields: NewRequestFields,
  meta: { via: ChannelKind | 'cli'; submissionId: string },
): Promise<SubmitResult> {
  if (!SUBMISSION_ID.test(meta.submissionId)) throw new ForbiddenError('This form is not valid any more. Please open a new one.');
  const id = `request-${meta.submissionId}`;
  const school = await requireMemberSchool(ctx, owner.allianceId, owner.schoolUrn);
  const at = ctx.clock.now().toISOString();
  const reference = await nextRequestReference(ctx.store, ctx.clock, owner.allianceId);
  let submitted: Stored<SupportRequest>;
  try {
    submitted = await ctx.store.create<SupportRequest>({
      id,
      allianceId: owner.allianceId,
      type: 'supportRequest',
      reference,
      ...(fields.kind === 'diagnostic' ? { kind: 'diagnostic' as const } : {}),
      ...(fields.followsDiagnosticReportId ? { followsDiagnosticReportId: fields.followsDiagnosticReportId } : {}),
      schoolUrn: owner.schoolUrn,
      requesterId: owner.requesterId,
      specialisms: fields.specialisms,
      phase: fields.phase,
      need: fields.need,
      outcomes: fields.outcomes,
      daysWanted: fields.daysWanted,
      preferredStart: fields.preferredStart,
      ...(fields.ofstedContext ? { ofstedContext: fields.ofstedContext } : {}),
      status: 'submitted',
      candidates: [],
      excludedCandidateIds: [],
      createdVia: meta.via,
      createdAt: at,
      updatedAt: at,
      history: [{ at, by: owner.raisedBy, action: 'status', to: 'submitted' }],
    });
  } catch (error) {
    // This form was sent before (a second click, or a retried request): that one is the request.
    if (error instanceof DuplicateError) {
      releaseRequestReference(ctx.store, owner.allianceId, reference);
      const first = await ctx.store.get<SupportRequest>(owner.allianceId, id);
      if (first) return { request: await resumeBrokering(ctx, first), alreadyReceived: true, ...(school ? { school } : {}) };
    }
    throw error;
  }

  return { request: await resumeBrokering(ctx, submitted), alreadyReceived: false, ...(school ? { school } : {}) };
}

/**
 * Brokers a stored request that is still `submitted`: after the turn where the context can, else
 * now. A resubmission after the process stopped between storing and brokering finishes the
 * brokering instead of only saying it was received; when a second click brokers it first, the etag
 * stops the other and it reads back the result.
 */
async function resumeBrokering(ctx: ServiceContext, request: Stored<SupportRequest>): Promise<Stored<SupportRequest>> {
  if (request.status !== 'submitted') return request;
  if (ctx.brokerSoon) {
    ctx.brokerSoon(request);
    return request;
  }
  try {
    return await brokerSubmitted(ctx, request, raiserOf(request));
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    return (await ctx.store.get<SupportRequest>(request.allianceId, request.id)) ?? request; // brokered by the other click
  }
}
