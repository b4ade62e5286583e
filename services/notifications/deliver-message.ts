import { ConcurrencyError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
import { checkPrecondition } from './check-precondition.js';
import { classifyFailure } from './classify-failure.js';
import { markMissedNotification } from './missed-notifications.js';
import type { DeliveryReport, NotificationDeliverer } from './notification-deliverer.js';
import type { OutboxMessage } from './outbox-message.js';
import type { Pace, Pacer } from './pacing.js';

export interface SendSetup {
  ctx: ServiceContext;
  deliverer: NotificationDeliverer;
  logger: Logger;
  pacer: Pacer;
  claimMs: number;
  random: () => number;
}

export type SendOutcome = Exclude<keyof DeliveryReport, 'deferred'>;

/**
 * Sends one message in two phases: claim it as `sending` (etag-checked, so one instance wins), call
 * the channel, then record `sent`, a retry or the failure. Undefined when there was nothing to do:
 * its precondition is not met yet, or another instance holds or took over the claim.
 */
export async function deliverMessage(setup: SendSetup, message: Stored<OutboxMessage>, pace: Pace | undefined): Promise<SendOutcome | undefined> {
  const { ctx, deliverer, pacer } = setup;
  const now = ctx.clock.now();
  const precondition = await checkPrecondition(ctx.store, message, now);
  if (precondition === 'not-yet') return undefined;
  if (precondition === 'never') {
    const changes = { status: 'dropped' as const, failedReason: 'superseded: the change it announced did not happen', failedAt: now.toISOString() };
    return (await settle(setup, message, changes)) ? 'dropped' : undefined;
  }
  let claimed: Stored<OutboxMessage>;
  try {
    claimed = await ctx.store.replace<OutboxMessage>({
      ...message,
      status: 'sending',
      attempts: message.attempts + 1,
      notBefore: new Date(now.getTime() + setup.claimMs).toISOString(),
      // Still `sending` with its claim expired: the process sending it died, perhaps after posting.
      ...(message.status === 'sending' ? { uncertain: true } : {}),
    }, message._etag);
  } catch (error) {
    if (error instanceof ConcurrencyError) return undefined;
    throw error;
  }
  if (pace) pacer.started(pace, ctx.clock.now().getTime());
  try {
    const delivered = await deliverer.deliver(claimed, { deliveryKey: claimed.id, attempt: claimed.attempts, maybeSentBefore: claimed.uncertain === true });
    const changes = { status: 'sent' as const, sentAt: ctx.clock.now().toISOString(), ...(delivered ? { delivered } : {}) };
    return (await settle(setup, claimed, changes)) ? 'sent' : undefined;
  } catch (error) {
    return recordFailure(setup, claimed, error, pace);
  }
}

async function recordFailure(setup: SendSetup, claimed: Stored<OutboxMessage>, error: unknown, pace: Pace | undefined): Promise<SendOutcome | undefined> {
  const verdict = classifyFailure(error);
  const now = setup.ctx.clock.now();
  if (!verdict.retry || claimed.attempts >= MAX_ATTEMPTS) {
    const reason = verdict.retry ? `gave up after ${claimed.attempts} attempts: ${verdict.reason}` : verdict.reason;
    setup.logger.warn({ messageId: claimed.id, reason }, 'notification failed permanently');
    if (!(await settle(setup, claimed, { status: 'failed', failedReason: reason, failedAt: now.toISOString() }))) return undefined;
    await markForReturn(setup, claimed);
    return 'failed';
  }
  // Retry-After speaks for the whole conversation, not just this message.
  if (pace && verdict.retryAfterMs !== undefined) setup.pacer.holdOff(pace.key, now.getTime() + verdict.retryAfterMs);
  const delay = retryDelayMs(claimed.attempts, verdict.retryAfterMs, setup.random);
  const retried = await settle(setup, claimed, {
    status: 'pending',
    notBefore: new Date(now.getTime() + delay).toISOString(),
    lastError: verdict.reason,
    ...(verdict.uncertain ? { uncertain: true } : {}),
  });
  return retried ? 'retried' : undefined;
}

/** After the failure is stored, never before: the person's next turn shows what waits for them. */
async function markForReturn(setup: SendSetup, message: Stored<OutboxMessage>): Promise<void> {
  // Failures in the manager channel are the managers' delivery problems only.
  if (message.target.kind !== 'person') return;
  try {
    await markMissedNotification(setup.ctx, message.allianceId, message.target.personId);
  } catch (error) {
    // The failure is stored: the manager sees it in delivery problems, and the next start marks the person.
    setup.logger.error({ err: error, messageId: message.id }, 'could not mark the person as having missed a notification');
  }
}

/** False when the claim was lost: this send outlived it and another instance took the message over. */
async function settle(setup: SendSetup, message: Stored<OutboxMessage>, changes: Partial<OutboxMessage>): Promise<boolean> {
  try {
    await setup.ctx.store.replace<OutboxMessage>({ ...message, ...changes }, message._etag);
    return true;
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    setup.logger.warn({ messageId: message.id }, 'outbox message changed while being sent; leaving it to the newer claim');
    return false;
  }
}
