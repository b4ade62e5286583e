import { createHash } from 'node:crypto';
import { DuplicateError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Notification } from './notification.js';
import type { OutboxMessage, OutboxPrecondition } from './outbox-message.js';

/**
 * Writes notifications to the outbox ahead of the state change they announce (`requires`). Ids derive
 * from that change, so writing the same notifications again after a crash or a retry adds nothing.
 */
export async function enqueueNotifications(
  ctx: ServiceContext,
  allianceId: string,
  requires: OutboxPrecondition,
  notifications: Notification[],
): Promise<void> {
  const causeKey = [requires.recordId, requires.historyIndex, requires.by, requires.to ?? '', requires.ref ?? ''].join('#');
  const now = ctx.clock.now().toISOString();
  for (const [index, notification] of notifications.entries()) {
    const id = `outbox-${createHash('sha256').update(`${causeKey}#${index}`).digest('hex').slice(0, 24)}`;
    try {
      await ctx.store.create<OutboxMessage>({
        id,
        allianceId,
        type: 'outbox',
        target: notification.target,
        event: notification.event,
        status: 'pending',
        attempts: 0,
        notBefore: now,
        createdAt: now,
        requires,
      });
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
    }
  }
}
