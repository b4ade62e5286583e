import { ConcurrencyError, NotFoundError, ValidationError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { OutboxMessage } from './outbox-message.js';

/**
 * Puts a notification the outbox gave up on back in the queue, once the manager has fixed the
 * cause (linked the channel, the person reinstalled the bot). Its precondition is checked again on
 * delivery, and an `uncertain` one is still checked for an earlier send before sending.
 */
export async function sendAgain(ctx: ServiceContext, allianceId: string, messageId: string): Promise<void> {
  const message = await ctx.store.get<OutboxMessage>(allianceId, messageId);
  if (!message || message.type !== 'outbox') throw new NotFoundError('That notification');
  if (message.status !== 'failed') throw new ValidationError([{ field: 'messageId', message: `it is ${message.status}, not failed` }], 'That notification is no longer a delivery problem.');
  const { failedReason: _reason, failedAt: _at, lastError: _error, ...rest } = message;
  try {
    await ctx.store.replace<OutboxMessage>({ ...rest, status: 'pending', attempts: 0, notBefore: ctx.clock.now().toISOString() }, message._etag);
  } catch (error) {
    if (error instanceof ConcurrencyError) throw new ConcurrencyError('That notification');
    throw error;
  }
  ctx.wakeOutbox?.();
}
