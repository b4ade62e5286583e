import type { WebClient } from '@slack/web-api';
import type { Turn, TurnBody, TurnPlace } from '../conversation/turn.js';

/** Who spoke and where, as every Slack payload gives it (ids only). */
export interface SlackOrigin {
  userId: string;
  teamId?: string;
  scope: TurnPlace['scope'];
  /** The Slack channel id (C…, G…, D…); for the App Home, the user id. */
  conversationId: string;
}

/**
 * Personal, group or channel, from Slack's channel_type ('im', 'mpim') or a channel name
 * ('directmessage', 'mpdm-…'); D… ids are always direct messages.
 */
export function scopeOf(channelId: string, hint?: string): TurnPlace['scope'] {
  if (hint === 'im' || hint === 'directmessage' || channelId.startsWith('D')) return 'personal';
  if (hint === 'mpim' || hint?.startsWith('mpdm-')) return 'group';
  return 'channel';
}

/** For a DM the address is the person ({ userId, teamId }): senders open the DM with conversations.open. */
export function slackPlace(origin: SlackOrigin): TurnPlace {
  const team = origin.teamId ? { teamId: origin.teamId } : {};
  return {
    scope: origin.scope,
    conversationId: origin.conversationId,
    address: origin.scope === 'personal' ? { userId: origin.userId, ...team } : { channel: origin.conversationId, ...team },
  };
}

/** The neutral turn for a Slack payload. users.info is only asked when the id is not yet linked. */
export function slackTurn(client: WebClient, origin: SlackOrigin, body: TurnBody): Turn {
  return {
    ...body,
    user: {
      channel: 'slack',
      userId: origin.userId,
      lookupEmail: () => lookupEmail(client, origin.userId),
    },
    place: slackPlace(origin),
  } as Turn;
}

/** users.info needs users:read.email. Slack saying no (user_not_found) means "not in the directory"; an outage is an error. */
async function lookupEmail(client: WebClient, userId: string): Promise<string | undefined> {
  try {
    return (await client.users.info({ user: userId })).user?.profile?.email;
  } catch (error) {
    if ((error as { code?: string }).code === 'slack_webapi_platform_error') return undefined;
    throw error;
  }
}

/** Button values are the card's data as JSON; anything else is treated as no data. */
export function buttonData(value: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** In channels people @mention the bot; the mention is not part of what they asked. */
export function withoutMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}
