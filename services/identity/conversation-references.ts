import { ConcurrencyError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { ChannelKind } from './channel-identity.js';

/** Where to reach a person proactively: a Teams conversation reference or a Slack user id. */
export interface ConversationLink {
  id: string;
  allianceId: string;
  type: 'conversationLink';
  personId: string;
  channel: ChannelKind;
  /** Teams: the serialised ConversationReference. Slack: { userId, teamId }. */
  address: Record<string, unknown>;
  updatedAt: string;
}

function linkId(channel: ChannelKind, personId: string): string {
  return `link-${channel}-${personId}`;
}

export async function saveConversationLink(
  ctx: ServiceContext,
  link: Omit<ConversationLink, 'id' | 'type' | 'updatedAt'>,
): Promise<void> {
  await ctx.store.upsert<ConversationLink>({
    ...link,
    id: linkId(link.channel, link.personId),
    type: 'conversationLink',
    updatedAt: ctx.clock.now().toISOString(),
  });
}

export async function removeConversationLink(ctx: ServiceContext, allianceId: string, channel: ChannelKind, personId: string): Promise<void> {
  try {
    await ctx.store.delete(allianceId, linkId(channel, personId));
  } catch (error) {
    if (!(error instanceof ConcurrencyError) && (error as { code?: string }).code !== 'not_found') throw error;
  }
}

/** The person's addresses, most recently used first: notifications go where they last spoke. */
export async function conversationLinksFor(ctx: ServiceContext, allianceId: string, personId: string): Promise<ConversationLink[]> {
  const links = await ctx.store.query<ConversationLink>(allianceId, {
    type: 'conversationLink',
    where: [{ field: 'personId', op: 'eq', value: personId }],
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
  });
  return links;
}
