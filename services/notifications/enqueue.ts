import { createHash } from 'node:crypto';
import { DuplicateError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Notification } from './notification.js';
import type { OutboxMessage, OutboxPrecondition } from './outbox-message.js';

/**
 * Why notifications are written: a state change they wait for (`OutboxPrecondition`), or a plain key
 * for notifications that announce no single change (the weekly digest of an alliance and week).
 */
export type NotificationCause = OutboxPrecondition | { key: string };

/** Counts writes, so messages to one chat written in the same millisecond still go in order. */
let writes = 0;

/**
 * Writes notifications to the outbox, ahead of the state change they announce when there is one.
 * Ids derive from the cause, so writing the same notifications again after a crash or a retry adds
 * nothing. Returns the ids, written now or before.
 */
export async function enqueueNotifications(
  ctx: ServiceContext,
  allianceId: string,
  cause: NotificationCause,
  notifications: Notification[],
): Promise<string[]> {
  const requires = 'key' in cause ? undefined : cause;
  // The prefix keeps a plain key from ever hashing like a precondition.
  const causeKey = 'key' in cause
    ? `key:${cause.key}`
    : [cause.recordId, cause.historyIndex, cause.by, cause.to ?? '', cause.ref ?? ''].join('#');
  const now = ctx.clock.now().toISOString();
  const ids: string[] = [];
  for (const [index, notification] of notifications.entries()) {
    const id = `outbox-${createHash('sha256').update(`${causeKey}#${index}`).digest('hex').slice(0, 24)}`;
    ids.push(id);
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
        writeOrder: ++writes,
        ...(requires ? { requires } : {}),
      });
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
    }
  }
  // Notifications that wait for a change are woken by the write that makes it (writeAudited).
  if (!requires && ids.length) ctx.wakeOutbox?.();
  return ids;
}
