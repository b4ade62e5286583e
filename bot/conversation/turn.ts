import type { RawValues } from '../../cards/form-definition.js';
import type { ChannelUser } from '../../services/identity/channel-identity.js';

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
  /** The alliance the person chose earlier in this conversation, when they belong to several. */
  chosenAllianceId?: string;
}

/** What happened, stripped of channel detail: the flows see only this. */
export type Turn = TurnBase &
  (
    | { kind: 'message'; text: string }
    | { kind: 'formSubmit'; formId: string; values: RawValues; data: Record<string, unknown> }
    | { kind: 'action'; actionId: string; data: Record<string, unknown> }
    | { kind: 'installed' }
    | { kind: 'uninstalled' }
  );
