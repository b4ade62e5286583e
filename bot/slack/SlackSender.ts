import type { WebClient } from '@slack/web-api';
import type { MessageCard } from '../../cards/message-card.js';
import { renderCardToBlockKit } from '../../cards/render/block-kit.js';
import type { ChannelSender, PostedMessage } from '../notifications/channel-sender.js';
import { toChannelError } from './slack-errors.js';

/**
 * Proactive Slack messages for the outbox: a channel address ({ channel }) is posted to directly;
 * a person ({ userId }) gets a DM opened with conversations.open. The address is kept as given, so
 * the deliverer recognises the same conversation next time.
 */
export class SlackSender implements ChannelSender {
  constructor(private readonly client: WebClient) {}

  async post(address: Record<string, unknown>, card: MessageCard): Promise<PostedMessage> {
    // Rendered first: a renderer failure is not Slack's and must not be classed as one.
    const message = renderCardToBlockKit(card);
    const channel = await this.channelFor(address);
    const sent = await this.call(() => this.client.chat.postMessage({ channel, ...message }));
    return { messageId: sent.ts ?? '', address };
  }

  async update(posted: PostedMessage, card: MessageCard): Promise<void> {
    const message = renderCardToBlockKit(card);
    const channel = await this.channelFor(posted.address);
    await this.call(() => this.client.chat.update({ channel, ts: posted.messageId, ...message }));
  }

  private async channelFor(address: Record<string, unknown>): Promise<string> {
    if (typeof address.channel === 'string') return address.channel;
    const userId = String(address.userId ?? '');
    const opened = await this.call(() => this.client.conversations.open({ users: userId }));
    return opened.channel?.id ?? userId;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toChannelError(error);
    }
  }
}
