import { Cron } from 'croner';
import type { Config } from '../config/config.js';
import type { Logger } from '../logger.js';
import { markUnmarkedFailures } from '../notifications/missed-notifications.js';
import { cleanUpOutbox } from '../notifications/outbox-cleanup.js';
import { brokerStuckRequests } from '../requests/broker-submitted.js';
import type { ServiceContext } from '../service-context.js';
import { runServiceLevelTick, type ServiceLevelTick } from '../service-levels/service-level-tick.js';

/**
 * Hourly in the school day, weekdays: each item is nudged and escalated once (the service-level
 * tick reads only what fell due), so an instance that was down at 09:00 catches up at 10:00.
 */
const REMINDER_CRON = '0 9-17 * * 1-5';
/** Sent notifications past their retention are deleted once a night. */
const CLEANUP_CRON = '30 3 * * *';

/** One run of the service-level tick; also `s2s reminders --send` for an external scheduler. */
export async function runReminderTick(ctx: ServiceContext, now: Date = ctx.clock.now()): Promise<ServiceLevelTick> {
  return runServiceLevelTick(ctx, now);
}

/**
 * Runs the service-level nudges and the outbox clean-up in-process; with SCHEDULER=off, run
 * `s2s reminders --send` instead. What it queues wakes the outbox through the context.
 */
export class ReminderScheduler {
  private jobs: Cron[] = [];
  private ticking?: Promise<void>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly config: Config['scheduler'],
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (!this.config.enabled) return;
    const options = { timezone: this.config.timeZone, unref: true };
    this.jobs = [new Cron(REMINDER_CRON, options, () => this.run(() => this.remind())), new Cron(CLEANUP_CRON, options, () => this.run(() => this.cleanUp()))];
  }

  async stop(): Promise<void> {
    for (const job of this.jobs) job.stop();
    this.jobs = [];
    await this.ticking;
  }

  private run(work: () => Promise<void>): void {
    this.ticking ??= work().finally(() => { this.ticking = undefined; });
  }

  /**
   * Finishes what an earlier stop left half done: requests not brokered (now, rather than at the next
   * tick), people not marked for a notification that failed to reach them. stop() waits for it.
   */
  sweepNow(): void {
    this.run(async () => {
      await this.sweepStuckRequests();
      await this.markMissedNotifications();
    });
  }

  private async sweepStuckRequests(): Promise<void> {
    try {
      const brokered = await brokerStuckRequests(this.ctx);
      if (brokered > 0) this.logger.warn({ brokered }, 'requests left unbrokered by an earlier stop were brokered now');
    } catch (error) {
      this.logger.error({ err: error }, 'sweep of unbrokered requests failed; the next tick retries');
    }
  }

  private async markMissedNotifications(): Promise<void> {
    try {
      const marked = await markUnmarkedFailures(this.ctx);
      if (marked > 0) this.logger.info({ marked }, 'people with failed notifications were marked to be shown them when they next write');
    } catch (error) {
      this.logger.error({ err: error }, 'marking people with failed notifications failed; the next start retries');
    }
  }

  private async remind(): Promise<void> {
    await this.sweepStuckRequests();
    try {
      const tick = await runReminderTick(this.ctx);
      for (const { recordId, error } of tick.errors) this.logger.error({ err: error, recordId }, 'service-level nudge failed; the next hour retries');
    } catch (error) {
      this.logger.error({ err: error }, 'service-level tick failed; the next hour retries');
    }
  }

  private async cleanUp(): Promise<void> {
    try {
      const removed = await cleanUpOutbox(this.ctx, this.config.retentionDays);
      if (removed.messages + removed.leases > 0) this.logger.info(removed, 'old sent notifications and digest leases deleted');
    } catch (error) {
      this.logger.error({ err: error }, 'outbox clean-up failed; tomorrow night retries');
    }
  }
}
