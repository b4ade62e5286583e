import { Cron } from 'croner';
import type { Config } from '../config/config.js';
import type { Logger } from '../logger.js';
import type { ServiceContext } from '../service-context.js';
import { sendOverdueReminders } from './overdue-reports.js';
import { englandDate } from '../clock.js';
import { isWorkingDay } from './working-days.js';

/**
 * Hourly in the school day, weekdays: the first run of a day reminds and later runs add nothing
 * (one reminder per deployment per day), so an instance that was down at 09:00 catches up.
 */
const REMINDER_CRON = '0 9-17 * * 1-5';

/** One run: nothing on a bank holiday, else today's reminders. Returns how many are due today. */
export async function runReminderTick(ctx: ServiceContext, now: Date = ctx.clock.now()): Promise<number> {
  if (!isWorkingDay(englandDate(now))) return 0;
  return sendOverdueReminders(ctx, now);
}

/** Runs the overdue-report reminders in-process; with SCHEDULER=off, run `s2s reminders --send` instead. */
export class ReminderScheduler {
  private job?: Cron;
  private ticking?: Promise<void>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly config: Config['scheduler'],
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (!this.config.enabled) return;
    this.job = new Cron(REMINDER_CRON, { timezone: this.config.timeZone, unref: true }, () => this.tick());
  }

  async stop(): Promise<void> {
    this.job?.stop();
    await this.ticking;
  }

  private tick(): void {
    this.ticking ??= runReminderTick(this.ctx)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'overdue-report reminders failed; the next hour retries'))
      .finally(() => { this.ticking = undefined; });
  }
}
