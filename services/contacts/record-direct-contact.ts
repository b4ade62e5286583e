import { randomUUID } from 'node:crypto';
import { acceptsDirectContact, type DirectContact } from '../domain/direct-contact.js';
import { type Person, isManager } from '../domain/person.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { ChannelKind } from '../identity/channel-identity.js';
import { requireMemberSchool } from '../membership/member-school.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export interface DirectContactOutcome {
  contact: Stored<DirectContact>;
  /** The person to message: the edge turns them into a Teams chat or Slack DM link. */
  expert: Stored<Person>;
}

/**
 * Someone in the alliance chose to message an expert who agreed to be contacted directly. Records
 * who, whom, when and the channel (never what they say), for the manager's reports.
 */
export async function recordDirectContact(
  ctx: ServiceContext,
  from: Stored<Person>,
  expertId: string,
  via: ChannelKind,
): Promise<DirectContactOutcome> {
  if (from.baseSchoolUrn && !isManager(from)) await requireMemberSchool(ctx, from.allianceId, from.baseSchoolUrn);
  const expert = await ctx.store.get<Person>(from.allianceId, expertId);
  if (!expert || expert.type !== 'person' || expert.erasedAt) throw new NotFoundError('That person');
  if (expert.id === from.id) throw new ForbiddenError('That is you.');
  if (!acceptsDirectContact(expert)) {
    throw new ForbiddenError(`${expert.name} is reached through a request rather than directly: say "request support" and the alliance manager will arrange it.`);
  }
  const contact = await ctx.store.create<DirectContact>({
    id: `contact-${randomUUID()}`,
    allianceId: from.allianceId,
    type: 'directContact',
    fromPersonId: from.id,
    toPersonId: expert.id,
    via,
    at: ctx.clock.now().toISOString(),
  });
  return { contact, expert };
}

export interface DirectContactCount {
  personId: string;
  count: number;
}

/** Direct contacts in [from, to) (ISO timestamps): how many, and how many each expert received, most first. */
export async function countDirectContacts(ctx: ServiceContext, allianceId: string, period: { from: string; to: string }): Promise<{ total: number; byExpert: DirectContactCount[] }> {
  const contacts = await ctx.store.query<DirectContact>(allianceId, {
    type: 'directContact',
    where: [{ field: 'at', op: 'gte', value: period.from }, { field: 'at', op: 'lt', value: period.to }],
  });
  const counts = new Map<string, number>();
  for (const contact of contacts) counts.set(contact.toPersonId, (counts.get(contact.toPersonId) ?? 0) + 1);
  const byExpert = [...counts].map(([personId, count]) => ({ personId, count })).sort((a, b) => b.count - a.count || a.personId.localeCompare(b.personId));
  return { total: contacts.length, byExpert };
}
