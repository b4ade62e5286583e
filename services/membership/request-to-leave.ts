import { membershipRequestId, type MembershipRequester } from '../domain/membership.js';
import type { Person } from '../domain/person.js';
import { schoolId, type School } from '../domain/school.js';
import { declineInputSchema, type DeclineInput } from '../domain/support-request.js';
import { BotError, ForbiddenError } from '../errors.js';
import { definedOnly } from '../directory/directory-store.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { openMembershipRequest, type MembershipAsked } from './open-membership-request.js';

/** The school a head may ask to take out of the alliance: their own, while it is still a member. */
export async function leavingSchool(ctx: ServiceContext, head: Person): Promise<Stored<School>> {
  if (head.role !== 'head' || !head.baseSchoolUrn) throw new ForbiddenError('Only the head of a member school can ask for it to leave the alliance.');
  const school = await getRecord(ctx, head.allianceId, schoolId(head.baseSchoolUrn), 'school', 'Your school');
  if (school.leftAt) throw new BotError('conflict', `${school.name} already left the alliance on ${school.leftAt.slice(0, 10)}.`);
  return school;
}

/**
 * A head asks, with a reason, for their school to leave the alliance; the managers decide it in
 * the brokerage channel, as a request to join. Who asks is the directory record the channel
 * identified, never the form. Asking again while one is pending shows the first.
 */
export async function requestToLeave(
  ctx: ServiceContext,
  head: Stored<Person>,
  from: Omit<MembershipRequester, 'personId'>,
  input: DeclineInput,
): Promise<MembershipAsked> {
  const school = await leavingSchool(ctx, head);
  const { reason } = parseInput(declineInputSchema, input);
  const { urn, name, phase, localAuthority, postcode, trust } = school;
  return openMembershipRequest(ctx, {
    id: membershipRequestId('leave', urn), allianceId: head.allianceId, type: 'membershipRequest', action: 'leave',
    school: definedOnly({ urn, name, phase, localAuthority, postcode, trust }),
    headName: head.name, email: head.email, emailConfirmedByChannel: true,
    requester: { ...from, personId: head.id }, reason,
    createdAt: ctx.clock.now().toISOString(),
  });
}
