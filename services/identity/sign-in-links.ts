import { createHash, randomBytes } from 'node:crypto';
import type { Person } from '../domain/person.js';
import { ConcurrencyError, ForbiddenError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { identifySpeaker, type ChannelKind } from './channel-identity.js';

/** How long a sign-in link sent in chat stays usable. */
export const SIGN_IN_LINK_MINUTES = 10;

/** A one-time sign-in link, stored by the hash of its secret so the store never holds a usable token. */
interface SignInLink {
  id: string;
  allianceId: string;
  type: 'signInLink';
  personId: string;
  /** The chat identity that asked for it: the link reaches that person's records in other alliances too. */
  requestedBy?: { channel: ChannelKind; userId: string };
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

const LINK_TOKEN = /^([a-z0-9][a-z0-9-]{1,62})\.([A-Za-z0-9_-]{43})$/;

function linkId(secret: string): string {
  return `signin-${createHash('sha256').update(secret).digest('hex').slice(0, 40)}`;
}

/** A new single-use token for `person`, valid for SIGN_IN_LINK_MINUTES. The alliance is in the token so redeeming is a point read. */
export async function createSignInLink(ctx: ServiceContext, person: Stored<Person>, requestedBy?: SignInLink['requestedBy']): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await ctx.store.create<SignInLink>({
    id: linkId(secret),
    allianceId: person.allianceId,
    type: 'signInLink',
    personId: person.id,
    ...(requestedBy ? { requestedBy: { channel: requestedBy.channel, userId: requestedBy.userId } } : {}),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString(),
  });
  return `${person.allianceId}.${secret}`;
}

const REFUSED = 'This sign-in link has expired or was already used. Ask the bot for a new one: say "open the workspace" in your chat with it.';

/**
 * Uses a token once: the etag-checked write of `usedAt` means two tabs racing with the same link
 * cannot both sign in. Returns the person the link was made for, if they are still in the directory,
 * and every other directory record (one per alliance) of the chat identity that asked for it: the
 * same records that identity is in chat, found by its channel id and never by an email address a
 * directory holds.
 */
export async function redeemSignInLink(ctx: ServiceContext, token: string): Promise<{ person: Stored<Person>; people: Array<Stored<Person>> }> {
  const match = LINK_TOKEN.exec(token.trim());
  if (!match) throw new ForbiddenError(REFUSED);
  const [, allianceId, secret] = match as unknown as [string, string, string];
  const link = await ctx.store.get<SignInLink>(allianceId, linkId(secret));
  const now = ctx.clock.now().toISOString();
  if (!link || link.type !== 'signInLink' || link.usedAt || link.expiresAt <= now) throw new ForbiddenError(REFUSED);
  try {
    await ctx.store.replace<SignInLink>({ ...link, usedAt: now }, link._etag);
  } catch (error) {
    if (error instanceof ConcurrencyError) throw new ForbiddenError(REFUSED);
    throw error;
  }
  const person = await ctx.store.get<Person>(allianceId, link.personId);
  if (!person || person.type !== 'person' || person.erasedAt) throw new ForbiddenError(REFUSED);
  const asker = link.requestedBy;
  const same = asker ? await identifySpeaker(ctx, { ...asker, lookupEmail: async () => undefined }) : [];
  return { person, people: [person, ...same.filter((p) => p.allianceId !== person.allianceId)] };
}
