import type { Person } from '../domain/person.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { peopleWithEmail } from './email-index.js';
import { CHANNEL_ID_FIELD, indexPersonIdentities, readChannelIdentity } from './identity-index.js';

export type ChannelKind = 'teams' | 'slack';

/** How a person is known on a channel: Teams AAD object id or Slack user id. */
export interface ChannelUser {
  channel: ChannelKind;
  userId: string;
  /** Fetched from the channel only when the id is not yet linked (TeamsInfo.getMember, users.info). */
  lookupEmail: () => Promise<string | undefined>;
}

/**
 * Every directory record for the person speaking, across alliances (a person may be in several).
 * One point read of the identity index, then one point read per alliance the person is in. Only
 * a channel id not yet linked costs the email lookup; the match is remembered on the record and in
 * the index so the next turn is point reads again.
 */
export async function identifySpeaker(ctx: ServiceContext, user: ChannelUser): Promise<Array<Stored<Person>>> {
  const field = CHANNEL_ID_FIELD[user.channel];
  const index = await readChannelIdentity(ctx.store, user.channel, user.userId);
  if (index) {
    const people = await Promise.all(index.people.map((entry) => ctx.store.get<Person>(entry.allianceId, entry.personId)));
    // The index is a pointer; the record decides (an import may have given the id to someone else since).
    const active = people.filter((p): p is Stored<Person> => p?.type === 'person' && !p.erasedAt && p[field] === user.userId);
    if (active.length) return active;
  }

  const email = (await user.lookupEmail())?.trim().toLowerCase();
  if (!email) return [];
  const byEmail = await peopleWithEmail(ctx.store, email);
  const remembered: Array<Stored<Person>> = [];
  const at = ctx.clock.now().toISOString();
  for (const person of byEmail) {
    const linked = await ctx.store.replace<Person>({ ...person, [field]: user.userId, updatedAt: at }, person._etag);
    await indexPersonIdentities(ctx.store, linked, person, at);
    remembered.push(linked);
  }
  return remembered;
}
