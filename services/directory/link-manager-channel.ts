import type { Alliance, SlackChannelLink, TeamsChannelLink } from '../domain/alliance.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { requireManager } from '../requests/require-manager.js';

export type ManagerChannelLink =
  | { teams: Omit<TeamsChannelLink, 'linkedBy' | 'linkedAt'> }
  | { slack: Omit<SlackChannelLink, 'linkedBy' | 'linkedAt'> };

export interface LinkedChannel {
  alliance: Stored<Alliance>;
  /** Requests waiting for a decision, posted to the channel now. */
  waiting: number;
}

/**
 * A manager makes a channel the alliance's brokerage channel: new requests are posted there, and
 * those that arrived before any channel was linked (or while it moved) are posted now.
 */
export async function linkManagerChannel(ctx: ServiceContext, manager: Stored<Person>, link: ManagerChannelLink): Promise<LinkedChannel> {
  requireManager(manager, 'do that');
  const alliance = await getRecord(ctx, manager.allianceId, manager.allianceId, 'alliance', 'Your alliance');
  const linkedAt = ctx.clock.now().toISOString();
  const stamp = { linkedBy: manager.id, linkedAt };
  const channel = 'teams' in link ? { teams: { ...link.teams, ...stamp } } : { slack: { ...link.slack, ...stamp } };
  const linked = await ctx.store.replace<Alliance>({ ...alliance, managerChannel: { ...alliance.managerChannel, ...channel } }, alliance._etag);
  const waiting = await ctx.store.query<SupportRequest>(manager.allianceId, {
    type: 'supportRequest',
    where: [{ field: 'status', op: 'in', value: ['matching', 'on-hold'] }],
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
  });
  for (const request of waiting) {
    await enqueueNotifications(ctx, manager.allianceId, { key: `channel-linked-${linkedAt}-${request.id}` }, [
      { target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: request.id } },
    ]);
  }
  return { alliance: linked, waiting: waiting.length };
}
