import { writeAudited } from '../audited-write.js';
import type { MembershipRequest, MembershipRequester } from '../domain/membership.js';
import { DuplicateError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { Notification } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** What a school asks: everything but the status and history, which are set here. */
export type AskedMembership = Omit<MembershipRequest, 'history' | 'status' | 'updatedAt' | 'decision'>;

export interface MembershipAsked {
  request: Stored<MembershipRequest>;
  /** True when a pending request was already there (asked twice, or by someone else: the caller decides). */
  alreadyReceived: boolean;
}

const FOR_MANAGERS = (id: string): Notification[] => [{ target: { kind: 'managerChannel' }, event: { kind: 'membershipForManagers', membershipRequestId: id } }];

/**
 * Puts a school's request to join or leave in front of the managers as pending. A school asks
 * again on the same record (declined before, or joined and left since), so its history stays
 * whole; a pending one is returned as it is.
 */
export async function openMembershipRequest(ctx: ServiceContext, asked: AskedMembership): Promise<MembershipAsked> {
  const by = requesterRef(asked.requester);
  const earlier = await ctx.store.get<MembershipRequest>(asked.allianceId, asked.id);
  if (earlier?.status === 'pending') return { request: earlier, alreadyReceived: true };
  if (earlier) {
    // What the earlier ask had and this one has not (a reason, a memorandum) goes with the decision.
    const changes = { reason: undefined, memorandum: undefined, ...asked, decision: undefined };
    const request = await writeAudited(ctx, earlier, { by, action: 'status', to: 'pending', changes, notify: FOR_MANAGERS(asked.id) });
    return { request, alreadyReceived: false };
  }
  await enqueueNotifications(ctx, asked.allianceId, { recordId: asked.id, historyIndex: 0, by, to: 'pending' }, FOR_MANAGERS(asked.id));
  try {
    const request = await ctx.store.create<MembershipRequest>({ ...asked, status: 'pending', updatedAt: asked.createdAt, history: [{ at: asked.createdAt, by, action: 'status', to: 'pending' }] });
    return { request, alreadyReceived: false };
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const first = await ctx.store.get<MembershipRequest>(asked.allianceId, asked.id);
    if (!first) throw error;
    return { request: first, alreadyReceived: true };
  }
}

/** How history names who asked: their directory id, or their channel id before they are in the directory. */
function requesterRef(requester: MembershipRequester): string {
  return requester.personId ?? `${requester.channel}:${requester.userId}`;
}
