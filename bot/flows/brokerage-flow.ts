import { createDeclineForm } from '../../cards/forms/decline-request.js';
import { type Person, isManager } from '../../services/domain/person.js';
import type { DeclineInput } from '../../services/domain/support-request.js';
import { linkManagerChannel } from '../../services/directory/link-manager-channel.js';
import { requireManager } from '../../services/requests/require-manager.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import { decideRequest, type ManagerDecision } from '../../services/requests/decide-request.js';
import { nextCandidates } from '../../services/requests/next-candidates.js';
import type { Stored } from '../../services/store/document-store.js';
import { getRecord } from '../../services/store/get-record.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import type { TurnPlace } from '../conversation/turn.js';
import { loadRequestCard } from '../views/loaders/load-request-card.js';
import { everyoneView } from '../views/request-manager-card.js';
import type { FlowContext } from './flow-context.js';
import type { FormCall, FormEntry } from './form-entry.js';


/** "@bot use this channel for brokerage": new requests will be posted here. */
export async function linkBrokerageChannel(ctx: FlowContext, person: Stored<Person>, place: TurnPlace, channel: ChannelKind): Promise<TurnResult> {
  requireManager(person, 'do that');
  if (place.scope !== 'channel') return { replies: [textReply('Say this in the team channel you want to use for brokerage, mentioning me.')] };
  const { alliance, waiting } = await linkManagerChannel(ctx, person, channel === 'teams'
    ? { teams: { conversationReference: place.address, ...(place.channelName ? { channelName: place.channelName } : {}) } }
    : { slack: { channelId: place.conversationId, ...(typeof place.address.teamId === 'string' ? { teamId: place.address.teamId } : {}) } });
  const backlog = waiting ? ` The ${waiting} request${waiting === 1 ? '' : 's'} waiting for a decision will be posted here now.` : '';
  return { replies: [textReply(`Done: new support requests for ${alliance.name} will be posted in this channel with their best candidates.${backlog}`)] };
}

/** Approve or hold, from the buttons on the manager card. */
export async function decideFromCard(ctx: FlowContext, person: Stored<Person>, requestId: string, decision: ManagerDecision, call: FormCall): Promise<TurnResult> {
  const decided = await decideRequest(ctx, person, requestId, decision);
  return { replies: [], replaceSource: cardReply(await loadRequestCard(ctx, decided, { shared: sharedPlace(call) })) };
}

/** The manager's reason for declining a request, which the school reads. */
export const declineRequestForm: FormEntry<DeclineInput> = {
  blank: () => createDeclineForm({ purpose: 'request', subject: '' }),
  async open(ctx, person, { data }) {
    requireManager(person, 'do that');
    const request = await getRecord(ctx, person.allianceId, String(data.requestId ?? ''), 'supportRequest');
    return {
      form: createDeclineForm({ purpose: 'request', subject: `${request.reference}: ${request.need.slice(0, 120)}` }),
      data: { requestId: request.id },
      async submit({ reason }) {
        await decideRequest(ctx, person, request.id, { outcome: 'decline', reason });
        return { replies: [], replaceSource: textReply(`Declined ${request.reference}. The school has been told the reason.`) };
      },
    };
  },
};

/** The manager card of one request, from "my requests": candidates and the decision buttons. */
export async function showRequestCard(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  requireManager(person, 'do that');
  const request = await getRecord(ctx, person.allianceId, requestId, 'supportRequest');
  return { replies: [cardReply(await loadRequestCard(ctx, request, { shared: false }))] };
}

/** A shared request card's automatic refresh: the managers' own view with the buttons; anyone else's without. */
export async function refreshRequestCard(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  const request = await getRecord(ctx, person.allianceId, requestId, 'supportRequest');
  const card = await loadRequestCard(ctx, request, { shared: false });
  const manager = isManager(person);
  return { replies: [], personalView: cardReply(manager ? card : { ...card, elements: everyoneView(card) }) };
}

/** "Other candidates": the next page of candidates, replacing those on the card. */
export async function showOtherCandidates(ctx: FlowContext, person: Stored<Person>, requestId: string, call: FormCall): Promise<TurnResult> {
  const page = await nextCandidates(ctx, person, requestId);
  return { replies: page.note ? [textReply(page.note)] : [], replaceSource: cardReply(await loadRequestCard(ctx, page.request, { shared: sharedPlace(call) })) };
}

/** A card pressed outside a one-to-one chat is seen by others too. */
function sharedPlace(call: FormCall): boolean {
  return call.speaker?.place.scope !== 'personal';
}
