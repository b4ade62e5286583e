import { ChannelApiError, ConcurrencyError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
import { checkPrecondition } from './check-precondition.js';
import type { OutboxMessage } from './outbox-message.js';

/** Sends one outbox message on whatever channel its target uses; returns channel ids of what it sent. */
export interface NotificationDeliverer {
  deliver(message: Stored<OutboxMessage>): Promise<Record<string, unknown> | undefined>;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
}

/** A claim keeps other instances off a message while one sends it. */
const CLAIM_MS = 60_000;

/**
 * Delivers the outbox: due messages oldest first, claimed by etag so two instances never send the
 * same one, retried with backoff on passing failures, recorded as failed with the reason otherwise.
 */
export class OutboxDelivery {
  private timer?: NodeJS.Timeout;
  private running?: Promise<DeliveryReport>;
  private stopped = true;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly deliverer: NotificationDeliverer,
    private readonly logger: Logger,
    private readonly pollMs = 5_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Asks for a run soon, e.g. right after a turn wrote notifications. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** One pass over every due message; also used directly by tests and the CLI. */
  async runOnce(): Promise<DeliveryReport> {
    if (this.running) await this.running;
    this.running = this.deliverDue();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error) => this.logger.error({ err: error }, 'outbox delivery pass failed'))
        .finally(() => { if (!this.stopped) this.schedule(this.pollMs); });
    }, delayMs);
    this.timer.unref();
  }

  private async deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, dropped: 0 };
    const now = this.ctx.clock.now();
    const due = await this.ctx.store.queryAllAlliances<OutboxMessage>({
      type: 'outbox',
      where: [{ field: 'status', op: 'eq', value: 'pending' }, { field: 'notBefore', op: 'lte', value: now.toISOString() }],
      orderBy: [{ field: 'createdAt', direction: 'asc' }],
      limit: 200,
    });
    for (const message of due) {
      const outcome = await this.deliverOne(message);
      if (outcome) report[outcome]++;
    }
    return report;
  }

  private async deliverOne(message: Stored<OutboxMessage>): Promise<keyof DeliveryReport | undefined> {
    const now = this.ctx.clock.now();
    const precondition = await checkPrecondition(this.ctx.store, message, now);
    if (precondition === 'not-yet') return undefined;
    if (precondition === 'never') {
      await this.finish(message, { status: 'failed', failedReason: 'superseded: the change it announced did not happen' });
      return 'dropped';
    }
    let claimed: Stored<OutboxMessage>;
    try {
      claimed = await this.ctx.store.replace<OutboxMessage>(
        { ...message, attempts: message.attempts + 1, notBefore: new Date(now.getTime() + CLAIM_MS).toISOString() },
        message._etag,
      );
    } catch (error) {
      if (error instanceof ConcurrencyError) return undefined; // another instance has it
      throw error;
    }
    try {
      const delivered = await this.deliverer.deliver(claimed);
      await this.finish(claimed, { status: 'sent', sentAt: this.ctx.clock.now().toISOString(), ...(delivered ? { delivered } : {}) });
      return 'sent';
    } catch (error) {
      const channelError = error instanceof ChannelApiError ? error : undefined;
      const reason = (error as Error).message;
      if (channelError?.permanent || claimed.attempts >= MAX_ATTEMPTS) {
        this.logger.warn({ messageId: claimed.id, reason }, 'notification failed permanently');
        await this.finish(claimed, { status: 'failed', failedReason: reason });
        return 'failed';
      }
      const delay = retryDelayMs(claimed.attempts, channelError?.retryAfterMs);
      await this.finish(claimed, { status: 'pending', notBefore: new Date(this.ctx.clock.now().getTime() + delay).toISOString(), failedReason: reason });
      return 'retried';
    }
  }

  private async finish(message: Stored<OutboxMessage>, changes: Partial<OutboxMessage>): Promise<void> {
    await this.ctx.store.replace<OutboxMessage>({ ...message, ...changes }, message._etag);
  }
}
