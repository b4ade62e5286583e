import { createDeclineForm } from '../../cards/forms/decline-request.js';
import { createJoinAllianceForm, JOIN_ALLIANCE_FIELDS } from '../../cards/forms/join-alliance.js';
import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { JoinRequestInput } from '../../services/domain/membership.js';
import { type Person, isManager } from '../../services/domain/person.js';
import { schoolId } from '../../services/domain/school.js';
import type { DeclineInput } from '../../services/domain/support-request.js';
import { BotError, ForbiddenError, NotFoundError } from '../../services/errors.js';
import { decideMembership } from '../../services/membership/decide-membership.js';
import { joinableAlliance, listJoinableAlliances } from '../../services/membership/joining-settings.js';
import { requestToJoin } from '../../services/membership/request-to-join.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord, getRecord } from '../../services/store/get-record.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { buildMembershipCard } from '../views/membership-card.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';
import type { FormCall, FormEntry, OpenedForm } from './form-entry.js';

/**
 * The alliances a school may ask to join from here, as buttons; none when no alliance chose to be
 * listed. Only listed alliances are ever named, so a stranger learns nothing about the others.
 */
export async function buildJoinOptionsCard(ctx: FlowContext, except: readonly string[] = []): Promise<MessageCard | undefined> {
  const alliances = await listJoinableAlliances(ctx, except);
  if (!alliances.length) return undefined;
  return card('Ask for your school to join an alliance', [
    heading('Ask for your school to join an alliance'),
    text('These alliances take requests to join from here. Choose one to read its memorandum of understanding and ask; its manager decides.'),
    actions(alliances.slice(0, 5).map((a) => button(ACTIONS.openJoinForm, `Join ${a.name}`, { allianceId: a.id }))),
  ]);
}

/** "How do we join?" from someone already in an alliance: the others they may ask to join, and this one if their school left it. */
export async function showJoinOptions(ctx: FlowContext, person: Stored<Person>): Promise<TurnResult> {
  const school = person.baseSchoolUrn ? await findRecord(ctx, person.allianceId, schoolId(person.baseSchoolUrn), 'school') : undefined;
  const options = await buildJoinOptionsCard(ctx, school?.leftAt ? [] : [person.allianceId]);
  return { replies: [options ? cardReply(options) : textReply('No other alliance takes requests to join from here. Your alliance manager can tell you how to join others.')] };
}

/** The join form for whoever is speaking, directory record or not: who asks comes from the channel. */
export async function openJoinForm(ctx: FlowContext, call: FormCall): Promise<OpenedForm<JoinRequestInput>> {
  const alliance = await joinableAlliance(ctx, String(call.data.allianceId ?? ''));
  if (!alliance?.joining || !call.speaker) throw new NotFoundError('That alliance');
  const { user, place } = call.speaker;
  const email = await user.lookupEmail().catch(() => undefined);
  return {
    form: createJoinAllianceForm({ allianceName: alliance.name, memorandum: alliance.joining.memorandum, ...(email ? { confirmedEmail: email } : {}) }),
    ...(email ? { values: { [JOIN_ALLIANCE_FIELDS.email]: email } } : {}),
    data: { allianceId: alliance.id },
    async submit(input) {
      const { alreadyReceived } = await requestToJoin(ctx, { channel: user.channel, userId: user.userId, address: place.address }, alliance.id, input, email);
      return {
        replies: [],
        replaceSource: textReply(alreadyReceived
          ? `You have already asked for ${input.school.name} to join ${alliance.name}. The alliance manager will answer here.`
          : `Thank you. The alliance manager will look at your request for ${input.school.name} to join ${alliance.name} and answer here.`),
      };
    },
  };
}

export const joinAllianceForm: FormEntry<JoinRequestInput> = {
  blank: () => createJoinAllianceForm({ allianceName: '', memorandum: '' }),
  open: (ctx, _person, call) => openJoinForm(ctx, call),
};

function requireManager(person: Person): void {
  if (!isManager(person)) throw new ForbiddenError('Only the alliance manager can decide who joins or leaves. Nothing was changed.');
}

/** Approve, from the manager channel's card: the school joins (with its head) or leaves, and the head is told. */
export async function approveMembership(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  requireManager(person);
  const { request } = await decideMembership(ctx, person, requestId, { outcome: 'approve' });
  return { replies: [], replaceSource: cardReply(buildMembershipCard(request)) };
}

/** The manager's reason for declining a school's request to join or leave, which the head reads. */
export const declineMembershipForm: FormEntry<DeclineInput> = {
  blank: () => createDeclineForm({ purpose: 'membership', subject: '' }),
  async open(ctx, person, { data }) {
    requireManager(person);
    const request = await getRecord(ctx, person.allianceId, String(data.membershipRequestId ?? ''), 'membershipRequest');
    if (request.status !== 'pending') throw new BotError('conflict', `This request was already ${request.status}.`);
    return {
      form: createDeclineForm({ purpose: 'membership', subject: `${request.school.name} (URN ${request.school.urn}) asked to ${request.action}` }),
      data: { membershipRequestId: request.id },
      async submit({ reason }) {
        const { request: declined } = await decideMembership(ctx, person, request.id, { outcome: 'decline', reason });
        return { replies: [], replaceSource: cardReply(buildMembershipCard(declined)) };
      },
    };
  },
};
