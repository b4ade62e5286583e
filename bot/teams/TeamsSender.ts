import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { MessageCard } from '../../cards/message-card.js';
import { ChannelApiError } from '../../services/errors.js';
import type { ChannelSender, PostedMessage } from '../notifications/channel-sender.js';
import { replyToActivity } from './render-reply.js';

const SEND_TIMEOUT_MS = 15_000;

/** Proactive Teams messages through the Bot Connector, with its failures sorted into retry or give up. */
export class TeamsSender implements ChannelSender {
  /** `timeoutMs` bounds one send, the connector client's own 5xx retries included: a stalled channel must not stall the outbox. */
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string, private readonly timeoutMs = SEND_TIMEOUT_MS) {}

  async post(address: Record<string, unknown>, card: MessageCard): Promise<PostedMessage> {
    let messageId = '';
    await this.call(address, async (context) => {
      const response = await context.sendActivity(replyToActivity({ kind: 'card', card }));
      messageId = response?.id ?? '';
    });
    return { messageId, address };
  }

  async update(posted: PostedMessage, card: MessageCard): Promise<void> {
    await this.call(posted.address, async (context) => {
      await context.updateActivity({ ...replyToActivity({ kind: 'card', card }), id: posted.messageId, type: 'message' });
    });
  }

  private async call(address: Record<string, unknown>, work: Parameters<CloudAdapter['continueConversationAsync']>[2]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      // No status: the channel may still act on it, so the outbox retries it as uncertain.
      timer = setTimeout(() => reject(new ChannelApiError(`Teams did not answer within ${this.timeoutMs / 1000} s`, { permanent: false })), this.timeoutMs);
    });
    try {
      await Promise.race([this.adapter.continueConversationAsync(this.appId, address as unknown as ConversationReference, work), timedOut]);
    } catch (error) {
      throw error instanceof ChannelApiError ? error : toChannelError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** 403 and 404 mean the bot was removed or blocked, or the conversation is gone: retrying will not help. */
function toChannelError(error: unknown): ChannelApiError {
  const details = error as { statusCode?: number; response?: { status?: number; headers?: { get?(name: string): string | undefined } } };
  const status = details.statusCode ?? details.response?.status;
  const retryAfter = Number(details.response?.headers?.get?.('retry-after'));
  const permanent = status === 401 || status === 403 || status === 404;
  return new ChannelApiError(`Teams refused the message${status ? ` (${status})` : ''}: ${(error as Error).message}`, {
    status,
    permanent,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    cause: error,
  });
}
