import type { Person } from '../domain/person.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export type ChannelKind = 'teams' | 'slack';

/** How a person is known on a channel: Teams AAD object id or Slack user id. */
export interface ChannelUser {
  channel: ChannelKind;
  userId: string;
  /** Fetched from the channel only when the id is not yet linked (TeamsInfo.getMember, users.info). */
  lookupEmail: () => Promise<string | undefined>;
}

const ID_FIELD: Record<ChannelKind, 'teamsAadObjectId' | 'slackUserId'> = {
  teams: 'teamsAadObjectId',
  slack: 'slackUserId',
};

/**
 * Every directory record for the person speaking, across alliances (a person may be in several).
 * Matches the channel id first, then the email; an email match is remembered on the record so the
 * next turn needs no channel lookup.
 */
export async function identifySpeaker(ctx: ServiceContext, user: ChannelUser): Promise<Array<Stored<Person>>> {
  const field = ID_FIELD[user.channel];
  const linked = await ctx.store.queryAllAlliances<Person>({ type: 'person', where: [{ field, op: 'eq', value: user.userId }] });
  const active = linked.filter((p) => !p.erasedAt);
  if (active.length) return active;

  const email = (await user.lookupEmail())?.trim().toLowerCase();
  if (!email) return [];
  const byEmail = (await ctx.store.queryAllAlliances<Person>({ type: 'person', where: [{ field: 'email', op: 'eq', value: email }] }))
    .filter((p) => !p.erasedAt);
  const remembered: Array<Stored<Person>> = [];
  for (const person of byEmail) {
    remembered.push(await ctx.store.replace<Person>({ ...person, [field]: user.userId, updatedAt: ctx.clock.now().toISOString() }, person._etag));
  }
  return remembered;
}
