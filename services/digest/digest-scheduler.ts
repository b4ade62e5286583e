import { Cron } from 'croner';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/config.js';
import type { Alliance } from '../domain/alliance.js';
import type { Logger } from '../logger.js';
import type { ServiceContext } from '../service-context.js';
import { DIGEST_TIME_ZONE, inZone, isoWeekOf } from './iso-week.js';
import { postWeeklyDigest, type DigestPost } from './post-weekly-digest.js';

export type DigestSchedule = Pick<Config['scheduler'], 'digestCron' | 'timeZone'>;

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { digestCron: '0 8 * * 1', timeZone: DIGEST_TIME_ZONE };

/** Besides the digest's own time, a tick every hour catches up a posting time the process was down for. */
const CATCH_UP_CRON = '0 * * * *';

export interface DigestTick {
  /** The week whose digest is due, if its posting time this week has come. */
  week?: string;
  posts: DigestPost[];
  errors: Array<{ allianceId: string; error: unknown }>;
}

/**
 * The week whose digest is due at `now`: each week, once the cron's first time in that week has
 * passed, the digest of the week before (the last full week). The cron chooses when in the week;
 * a pattern with no time in some week skips that week's digest.
 */
export function dueDigestWeek(now: Date, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): string | undefined {
  const weekStart = inZone(now, schedule.timeZone).startOf('week');
  const postAt = new Cron(schedule.digestCron, { timezone: schedule.timeZone, paused: true }).nextRun(weekStart.minus({ seconds: 1 }).toJSDate());
  if (!postAt || postAt > now || postAt >= weekStart.plus({ weeks: 1 }).toJSDate()) return undefined;
  return isoWeekOf(weekStart.minus({ days: 1 }).toJSDate(), schedule.timeZone);
}

/**
 * One scheduler tick: posts every alliance's due digest that is not posted yet. Safe to run as
 * often as wanted, from any number of instances: each digest is claimed through the store.
 */
export async function runDigestTick(
  ctx: ServiceContext,
  now: Date = ctx.clock.now(),
  options: { schedule?: DigestSchedule; holder?: string } = {},
): Promise<DigestTick> {
  const week = dueDigestWeek(now, options.schedule);
  const tick: DigestTick = { ...(week ? { week } : {}), posts: [], errors: [] };
  if (!week) return tick;
  const holder = options.holder ?? `tick-${randomUUID()}`;
  for (const alliance of await ctx.store.queryAllAlliances<Alliance>({ type: 'alliance' })) {
    // One alliance's failure must not cost the others their digest; the next tick retries it.
    try {
      tick.posts.push(await postWeeklyDigest(ctx, alliance.id, week, holder));
    } catch (error) {
      tick.errors.push({ allianceId: alliance.id, error });
    }
  }
  return tick;
}

/**
 * Runs the digest tick in-process at the configured cron time (zone-aware, via croner), every hour
 * to catch up, and once at start. With SCHEDULER=off it does nothing: an external scheduler runs
 * `s2s digest` instead.
 */
export class DigestScheduler {
  private jobs: Cron[] = [];
  private ticking?: Promise<void>;
  private readonly holder = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly config: Config['scheduler'],
    private readonly logger: Logger,
  ) {}

  /** False when the scheduler is switched off. */
  start(): boolean {
    if (!this.config.enabled) {
      this.logger.info('in-process scheduler is off (SCHEDULER=off): run `s2s digest` from an external scheduler');
      return false;
    }
    const options = { timezone: this.config.timeZone, unref: true };
    this.jobs = [this.config.digestCron, CATCH_UP_CRON].map((pattern) => new Cron(pattern, options, () => this.tick()));
    void this.tick();
    return true;
  }

  async stop(): Promise<void> {
    for (const job of this.jobs) job.stop();
    this.jobs = [];
    await this.ticking;
  }

  /** The digest cron and the hourly tick can fire together: one tick at a time is enough. */
  private tick(): Promise<void> {
    this.ticking ??= this.runTick().finally(() => { this.ticking = undefined; });
    return this.ticking;
  }

  private async runTick(): Promise<void> {
    try {
      const tick = await runDigestTick(this.ctx, this.ctx.clock.now(), { schedule: this.config, holder: this.holder });
      for (const { allianceId, error } of tick.errors) this.logger.error({ err: error, allianceId, week: tick.week }, 'weekly digest not posted; the next tick retries');
      const queued = tick.posts.filter((post) => post.outcome === 'queued');
      if (queued.length) this.logger.info({ week: tick.week, alliances: queued.map((post) => post.allianceId) }, 'weekly digests queued');
    } catch (error) {
      this.logger.error({ err: error }, 'weekly digest tick failed; the next tick retries');
    }
  }
}
