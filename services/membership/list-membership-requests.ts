import type { Alliance } from '../domain/alliance.js';
import { memorandumVersion, type MembershipRequest } from '../domain/membership.js';
import type { Person } from '../domain/person.js';
import { requireManager } from '../requests/require-manager.js';
import type { ServiceContext } from '../service-context.js';
import { leavingImpact, type LeavingImpact } from './leaving-impact.js';
import type { Stored } from '../store/document-store.js';

/** How many decided requests the manager sees below the waiting ones. */
const RECENT_DECISIONS = 20;

export interface MembershipRequests {
  /** Waiting for a decision, oldest first. */
  pending: Array<Stored<MembershipRequest> & { sawCurrentMemorandum: boolean; impact?: LeavingImpact }>;
  /** The latest decisions, newest first. */
  decided: Array<Stored<MembershipRequest>>;
  /** Whether schools can ask to join from the bot at all. */
  joiningOpen: boolean;
}

/** The alliance's requests to join or leave, for its managers; a request to leave says what leaving would change. */
export async function listMembershipRequests(ctx: ServiceContext, manager: Person): Promise<MembershipRequests> {
  requireManager(manager, 'see requests to join');
  const [alliance, pending, decided] = await Promise.all([
    ctx.store.get<Alliance>(manager.allianceId, manager.allianceId),
    ctx.store.query<MembershipRequest>(manager.allianceId, { type: 'membershipRequest', where: [{ field: 'status', op: 'eq', value: 'pending' }], orderBy: [{ field: 'createdAt' }] }),
    ctx.store.query<MembershipRequest>(manager.allianceId, {
      type: 'membershipRequest', where: [{ field: 'status', op: 'in', value: ['approved', 'declined'] }], orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: RECENT_DECISIONS,
    }),
  ]);
  const current = alliance?.joining ? memorandumVersion(alliance.joining.memorandum) : undefined;
  return {
    pending: await Promise.all(pending.map(async (request) => ({
      ...request,
      sawCurrentMemorandum: request.memorandum?.version === current,
      ...(request.action === 'leave' ? { impact: await leavingImpact(ctx, manager.allianceId, request.school.urn) } : {}),
    }))),
    decided,
    joiningOpen: Boolean(alliance?.joining?.listed),
  };
}
