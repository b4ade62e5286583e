import type { MessageCard } from '../../cards/message-card.js';

/** Where a channel message went, so it can be updated in place later. */
export interface PostedMessage {
  messageId: string;
  address: Record<string, unknown>;
}

/** One channel's proactive sending: post a card to an address, or update a posted one. */
export interface ChannelSender {
  post(address: Record<string, unknown>, card: MessageCard): Promise<PostedMessage>;
  update(posted: PostedMessage, card: MessageCard): Promise<void>;
}
