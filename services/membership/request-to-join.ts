import { joinRequestInputSchema, memorandumVersion, membershipRequestId, type JoinRequestInput, type MembershipRequester } from '../domain/membership.js';
import type { Person } from '../domain/person.js';
import { schoolId, type School } from '../domain/school.js';
import { BotError, NotFoundError } from '../errors.js';
import { saveConversationLink } from '../identity/conversation-references.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import { joinableAlliance } from './joining-settings.js';
import { openMembershipRequest, type AskedMembership, type MembershipAsked } from './open-membership-request.js';

/**
 * A head asks for their school to join an alliance that takes requests from the bot, having
 * acknowledged its memorandum. Who asks comes from the channel; an email the channel confirmed
 * replaces the one typed. The managers decide it in the brokerage channel.
 */
export async function requestToJoin(
  ctx: ServiceContext,
  requester: MembershipRequester,
  allianceId: string,
  input: JoinRequestInput,
  channelEmail?: string,
): Promise<MembershipAsked> {
  const alliance = await joinableAlliance(ctx, allianceId);
  if (!alliance?.joining) throw new NotFoundError('That alliance');
  const fields = parseInput(joinRequestInputSchema, input);
  const email = channelEmail?.trim().toLowerCase() || fields.email;
  const school = await ctx.store.get<School>(allianceId, schoolId(fields.school.urn));
  if (school && !school.leftAt) throw new BotError('conflict', `${school.name} is already in ${alliance.name}. Ask its alliance manager to add you to the directory.`);
  const [known] = await ctx.store.query<Person>(allianceId, { type: 'person', where: [{ field: 'email', op: 'eq', value: email }], limit: 1 });
  // A head of a school that left may ask for it to come back; anyone else already listed asks the manager.
  const returningHead = school?.leftAt && known?.role === 'head' && known.baseSchoolUrn === school.urn;
  if (known && !returningHead) throw new BotError('conflict', `${email} is already in ${alliance.name}'s directory. Ask its alliance manager to check your record.`);

  const at = ctx.clock.now().toISOString();
  const asked: AskedMembership = {
    id: membershipRequestId('join', fields.school.urn), allianceId, type: 'membershipRequest', action: 'join',
    school: fields.school, headName: fields.headName, email, emailConfirmedByChannel: Boolean(channelEmail?.trim()),
    requester, memorandum: { version: memorandumVersion(alliance.joining.memorandum), acknowledgedAt: at },
    createdAt: at,
  };
  // Their answer is sent here before they are in the directory: the address is kept under the request's id.
  await saveConversationLink(ctx, { allianceId, personId: asked.id, channel: requester.channel, address: requester.address });
  const outcome = await openMembershipRequest(ctx, asked);
  if (outcome.alreadyReceived && outcome.request.requester.userId !== requester.userId) {
    throw new BotError('conflict', `Someone from ${outcome.request.school.name} has already asked to join; the alliance manager will answer soon.`);
  }
  return outcome;
}
