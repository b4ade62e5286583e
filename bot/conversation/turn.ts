import type { RawValues } from '../../cards/form-definition.js';
import type { ChannelUser } from '../../services/identity/channel-identity.js';
import type { TurnResult } from './reply.js';

/** Where the turn happened: a one-to-one chat with the bot, or a team/workspace channel. */
export interface TurnPlace {
  scope: 'personal' | 'channel' | 'group';
  conversationId: string;
  /** Channel-specific address for replying later (Teams ConversationReference, Slack ids). */
  address: Record<string, unknown>;
  channelName?: string;
}

interface TurnBase {
  user: ChannelUser & { name?: string };
  place: TurnPlace;
}

/** What happened, before the edge adds who and where. */
export type TurnBody =
  | { kind: 'message'; text: string }
  /** A search from outside the bot's chat (Teams message extension): results to pick and share. */
  | { kind: 'search'; text: string; offset: number; limit: number }
  | { kind: 'formSubmit'; formId: string; values: RawValues; data: Record<string, unknown> }
  | { kind: 'action'; actionId: string; data: Record<string, unknown> }
  | { kind: 'installed' }
  | { kind: 'uninstalled' };

/** What happened, stripped of channel detail: the flows see only this. */
export type Turn = TurnBase & TurnBody;

/** How an edge hands a turn to the flows. */
export type TurnRunner = (turn: Turn) => Promise<TurnResult>;
