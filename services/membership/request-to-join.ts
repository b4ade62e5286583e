import { writeAudited } from '../audited-write.js';
import { joinRequestInputSchema, memorandumVersion, membershipRequestId, type JoinRequestInput, type MembershipRequest, type MembershipRequester } from '../domain/membership.js';
import type { Person } from '../domain/person.js';
import { schoolId, type School } from '../domain/school.js';
import { BotError, DuplicateError, NotFoundError } from '../errors.js';
import { saveConversationLink } from '../identity/conversation-references.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { Notification } from '../notifications/notification.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { joinableAlliance } from './joining-settings.js';

export interface JoinRequestOutcome {
  request: Stored<MembershipRequest>;
  alreadyReceived: boolean;
}

const FOR_MANAGERS = (id: string): Notification[] => [{ target: { kind: 'managerChannel' }, event: { kind: 'membershipForManagers', membershipRequestId: id } }];

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
): Promise<JoinRequestOutcome> {
  const alliance = await joinableAlliance(ctx, allianceId);
  if (!alliance?.joining) throw new NotFoundError('That alliance');
  const fields = parseInput(joinRequestInputSchema, input);
  const email = channelEmail?.trim().toLowerCase() || fields.email;
  const school = await ctx.store.get<School>(allianceId, schoolId(fields.school.urn));
  if (school) throw new BotError('conflict', `${school.name} is already in ${alliance.name}. Ask its alliance manager to add you to the directory.`);
  const known = await ctx.store.query<Person>(allianceId, { type: 'person', where: [{ field: 'email', op: 'eq', value: email }], limit: 1 });
  if (known.length) throw new BotError('conflict', `${email} is already in ${alliance.name}'s directory. Ask its alliance manager to check your record.`);

  const id = membershipRequestId('join', fields.school.urn);
  const at = ctx.clock.now().toISOString();
  const asked: Omit<MembershipRequest, 'history' | 'status' | 'updatedAt'> = {
    id, allianceId, type: 'membershipRequest', action: 'join',
    school: fields.school, headName: fields.headName, email, emailConfirmedByChannel: Boolean(channelEmail?.trim()),
    requester, memorandum: { version: memorandumVersion(alliance.joining.memorandum), acknowledgedAt: at },
    createdAt: at,
  };
  // Their answer is sent here before they are in the directory: the address is kept under the request's id.
  await saveConversationLink(ctx, { allianceId, personId: id, channel: requester.channel, address: requester.address });

  const earlier = await ctx.store.get<MembershipRequest>(allianceId, id);
  if (earlier?.status === 'pending') {
    if (earlier.requester.userId !== requester.userId) throw new BotError('conflict', `Someone from ${earlier.school.name} has already asked to join; the alliance manager will answer soon.`);
    return { request: earlier, alreadyReceived: true };
  }
  if (earlier) {
    // Declined before, or joined and left since: ask again on the same record, so its history stays whole.
    const request = await writeAudited(ctx, earlier, { by: requesterRef(requester), action: 'status', to: 'pending', changes: { ...asked, decision: undefined }, notify: FOR_MANAGERS(id) });
    return { request, alreadyReceived: false };
  }
  await enqueueNotifications(ctx, allianceId, { recordId: id, historyIndex: 0, by: requesterRef(requester), to: 'pending' }, FOR_MANAGERS(id));
  try {
    const request = await ctx.store.create<MembershipRequest>({ ...asked, status: 'pending', updatedAt: at, history: [{ at, by: requesterRef(requester), action: 'status', to: 'pending' }] });
    return { request, alreadyReceived: false };
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const first = await ctx.store.get<MembershipRequest>(allianceId, id);
    if (!first) throw error;
    return { request: first, alreadyReceived: true };
  }
}

/** How history names someone not yet in the directory: by their channel id. */
function requesterRef(requester: MembershipRequester): string {
  return `${requester.channel}:${requester.userId}`;
}
