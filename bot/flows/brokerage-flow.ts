import { parseFormSubmission, type RawValues } from '../../cards/form-definition.js';
import { createDeclineForm } from '../../cards/forms/decline-request.js';
import type { Alliance } from '../../services/domain/alliance.js';
import type { Person } from '../../services/domain/person.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { NotFoundError } from '../../services/errors.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import { enqueueNotifications } from '../../services/notifications/enqueue.js';
import { decideRequest, type ManagerDecision } from '../../services/requests/decide-request.js';
import { proposeCandidates } from '../../services/requests/propose-candidates.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import type { TurnPlace } from '../conversation/turn.js';
import { loadRequestCard } from './load-request-card.js';
import type { FlowContext } from './flow-context.js';

const NOT_A_MANAGER = 'Only the alliance manager can do that. Nothing was changed.';

function isManager(person: Person): boolean {
  return person.role === 'manager' || person.role === 'admin';
}

/** "@bot use this channel for brokerage": new requests will be posted here. */
export async function linkBrokerageChannel(ctx: FlowContext, person: Stored<Person>, place: TurnPlace, channel: ChannelKind): Promise<TurnResult> {
  if (!isManager(person)) return { replies: [textReply(NOT_A_MANAGER)] };
  if (place.scope !== 'channel') return { replies: [textReply('Say this in the team channel you want to use for brokerage, mentioning me.')] };
  const alliance = await ctx.store.get<Alliance>(person.allianceId, person.allianceId);
  if (!alliance) throw new NotFoundError('Your alliance');
  const linkedAt = ctx.clock.now().toISOString();
  const link = channel === 'teams'
    ? { teams: { conversationReference: place.address, ...(place.channelName ? { channelName: place.channelName } : {}), linkedBy: person.id, linkedAt } }
    : { slack: { channelId: place.conversationId, ...(typeof place.address.teamId === 'string' ? { teamId: place.address.teamId } : {}), linkedBy: person.id, linkedAt } };
  await ctx.store.replace<Alliance>({ ...alliance, managerChannel: { ...alliance.managerChannel, ...link } }, alliance._etag);
  // Requests that arrived before any channel was linked (or while it moved) are posted here too.
  const waiting = await ctx.store.query<SupportRequest>(person.allianceId, {
    type: 'supportRequest',
    where: [{ field: 'status', op: 'in', value: ['matching', 'on-hold'] }],
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
  });
  for (const request of waiting) {
    await enqueueNotifications(ctx, person.allianceId, { key: `channel-linked-${linkedAt}-${request.id}` }, [
      { target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: request.id } },
    ]);
  }
  if (waiting.length) ctx.notificationsWritten();
  const backlog = waiting.length ? ` The ${waiting.length} request${waiting.length === 1 ? '' : 's'} waiting for a decision will be posted here now.` : '';
  return { replies: [textReply(`Done: new support requests for ${alliance.name} will be posted in this channel with their best candidates.${backlog}`)] };
}

/** Approve, hold, or ask for the decline reason, from the buttons on the manager card. */
export async function decideFromCard(ctx: FlowContext, person: Stored<Person>, requestId: string, decision: ManagerDecision): Promise<TurnResult> {
  if (!isManager(person)) return { replies: [textReply(NOT_A_MANAGER)] };
  const decided = await decideRequest(ctx, person, requestId, decision);
  ctx.notificationsWritten();
  return { replies: [], replaceSource: cardReply(await loadRequestCard(ctx, decided)) };
}

export async function showDeclineRequestForm(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  if (!isManager(person)) return { replies: [textReply(NOT_A_MANAGER)] };
  const request = await ctx.store.get<SupportRequest>(person.allianceId, requestId);
  if (!request) throw new NotFoundError('That request');
  const form = createDeclineForm({ purpose: 'request', subject: `${request.reference}: ${request.need.slice(0, 120)}` });
  return { replies: [{ kind: 'form', form, data: { requestId } }] };
}

export async function handleDeclineRequestSubmit(ctx: FlowContext, person: Stored<Person>, values: RawValues, data: Record<string, unknown>): Promise<TurnResult> {
  const requestId = String(data.requestId ?? '');
  if (!isManager(person)) return { replies: [textReply(NOT_A_MANAGER)] };
  const request = await ctx.store.get<SupportRequest>(person.allianceId, requestId);
  if (!request) throw new NotFoundError('That request');
  const form = createDeclineForm({ purpose: 'request', subject: `${request.reference}: ${request.need.slice(0, 120)}` });
  const parsed = parseFormSubmission(form, values);
  if (!parsed.ok) return { replies: [], replaceSource: { kind: 'form', form, values, errors: parsed.problems, data: { requestId } } };
  await decideRequest(ctx, person, requestId, { outcome: 'decline', reason: parsed.value.reason });
  ctx.notificationsWritten();
  return { replies: [], replaceSource: textReply(`Declined ${request.reference}. The school has been told the reason.`) };
}

/** "Other candidates": the next three, replacing those on the card. */
export async function showOtherCandidates(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  if (!isManager(person)) return { replies: [textReply(NOT_A_MANAGER)] };
  const request = await ctx.store.get<SupportRequest>(person.allianceId, requestId);
  if (!request) throw new NotFoundError('That request');
  if (request.status !== 'matching' && request.status !== 'on-hold') {
    return { replies: [], replaceSource: cardReply(await loadRequestCard(ctx, request)) };
  }
  // Those shown now are passed over; when none are left, start again from the best.
  const passedOver = [...request.excludedCandidateIds, ...request.candidates.map((c) => c.personId)];
  let candidates = await proposeCandidates(ctx, { ...request, excludedCandidateIds: passedOver });
  if (candidates.length === 0) candidates = await proposeCandidates(ctx, request);
  const updated = await ctx.store.replace<SupportRequest>({ ...request, candidates, updatedAt: ctx.clock.now().toISOString() }, request._etag);
  return { replies: [], replaceSource: cardReply(await loadRequestCard(ctx, updated)) };
}
