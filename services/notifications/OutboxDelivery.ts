import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { deliverMessage, type SendSetup } from './deliver-message.js';
import type { DeliveryAttempt, DeliveryReport, NotificationDeliverer } from './notification-deliverer.js';
import type { OutboxMessage } from './outbox-message.js';
import { createPacer, type Pace } from './pacing.js';

export type { DeliveryAttempt, DeliveryReport, NotificationDeliverer, Pace };

export interface OutboxDeliveryOptions {
  /**
   * The safety poll, for work this instance was not woken for: another instance's writes, or a
   * claim left by one that died. Writes here wake the loop at once (`kick`) and retries at their
   * own time, so this can be long; a quarter of it again is added at random so instances spread out.
   */
  pollMs?: number;
  /** How long a claim keeps other instances off a message while one sends it. */
  claimMs?: number;
  /** Conversations sent to at the same time. */
  concurrency?: number;
  /** Waits between paced sends; tests pass one that advances a fixed clock. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A pass does not wait longer than this for one conversation (after a long Retry-After). */
const MAX_PACING_WAIT_MS = 5_000;
const BATCH = 200;
/** Messages whose change is not written yet, or claimed by another sender, are looked at again this soon. */
const RECHECK_MS = 5_000;
export const DEFAULT_SAFETY_POLL_MS = 60_000;
const TIMER_SLACK_MS = 5;

/** What a pass did, and when it wants the next one (ms from now; the safety poll when undefined). */
interface Pass {
  report: DeliveryReport;
  nextRunMs?: number;
}

/**
 * Delivers the outbox: due messages oldest first, grouped by conversation and paced, each sent in two
 * phases (deliverMessage). A message found still `sending` once its claim has expired may have been
 * posted by a process that died; it is sent again with the same delivery key and `maybeSentBefore`,
 * for the channel side to dedupe. So the store records each message as sent exactly once; at the
 * channel, delivery is at least once, and exactly once where the deliverer can find an earlier post
 * by its key.
 */
export class OutboxDelivery {
  private timer?: NodeJS.Timeout;
  private running?: Promise<Pass>;
  private stopped = true;
  private halting = false;
  private readonly setup: SendSetup;
  /** Runs work in the context this delivery was made in, outside any turn. */
  private readonly outsideTurns = AsyncLocalStorage.snapshot();
  private readonly options: Required<Pick<OutboxDeliveryOptions, 'pollMs' | 'concurrency' | 'sleep'>>;

  constructor(private readonly ctx: ServiceContext, private readonly deliverer: NotificationDeliverer, private readonly logger: Logger, options: OutboxDeliveryOptions = {}) {
    this.options = {
      pollMs: options.pollMs ?? DEFAULT_SAFETY_POLL_MS,
      concurrency: options.concurrency ?? 8,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    this.setup = { ctx, deliverer, logger, pacer: createPacer(), claimMs: options.claimMs ?? 60_000, random: options.random ?? Math.random };
  }

  /** Picks up every pending message, including those a stopped or crashed process left behind. */
  start(): void {
    this.stopped = false;
    this.halting = false;
    this.schedule(0);
  }

  /** Stops after the sends in flight; messages not reached stay pending for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a run soon, e.g. right after a turn wrote notifications. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** One pass over every due message; also used directly by tests and the CLI. */
  async runOnce(): Promise<DeliveryReport> {
    return (await this.runPass()).report;
  }

  /** One pass at a time; each says when it wants the next. */
  private async runPass(): Promise<Pass> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.deliverDue();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    // A turn that kicks the outbox must not lend the pass its context (its metering, its read cache).
    this.timer = this.outsideTurns(setTimeout, () => {
      this.runPass()
        .then((pass) => pass.nextRunMs, (error) => { this.logger.error({ err: error }, 'outbox delivery pass failed'); return undefined; })
        .then((nextRunMs) => { if (!this.stopped) this.schedule(nextRunMs ?? this.safetyPollMs()); });
    }, delayMs);
    this.timer.unref();
  }

  private safetyPollMs(): number {
    return Math.round(this.options.pollMs * (1 + this.setup.random() / 4));
  }

  /**
   * When the soonest message waiting for a later time (a retry) falls due, in ms from now: one
   * document read. Asked after every pass, so a pass that woke a moment early, or found nothing,
   * never leaves a retry to the safety poll.
   */
  private async nextWaitingMs(): Promise<number | undefined> {
    const now = this.ctx.clock.now();
    const [next] = await this.ctx.store.queryAllAlliances<OutboxMessage>({
      type: 'outbox',
      where: [{ field: 'status', op: 'eq', value: 'pending' }, { field: 'notBefore', op: 'gt', value: now.toISOString() }],
      orderBy: [{ field: 'notBefore', direction: 'asc' }],
      limit: 1,
    });
    // Timers may fire a millisecond before the clock reads the due time.
    return next ? Date.parse(next.notBefore) - now.getTime() + TIMER_SLACK_MS : undefined;
  }

  private async deliverDue(): Promise<Pass> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, dropped: 0, deferred: 0 };
    let waiting = 0;
    const due = await this.ctx.store.queryAllAlliances<OutboxMessage>({
      type: 'outbox',
      where: [{ field: 'status', op: 'in', value: ['pending', 'sending'] }, { field: 'notBefore', op: 'lte', value: this.ctx.clock.now().toISOString() }],
      orderBy: [{ field: 'createdAt', direction: 'asc' }],
      limit: BATCH,
    });
    // One conversation's messages go in order, one at a time; different conversations in parallel.
    // Without a pace from the deliverer, a message's target stands for its conversation.
    const groups = new Map<string, { pace?: Pace; messages: Array<Stored<OutboxMessage>> }>();
    for (const message of due.sort(inWriteOrder)) {
      const pace = await this.paceOf(message);
      const { target } = message;
      const key = pace?.key ?? `${message.allianceId}:${target.kind === 'person' ? target.personId : target.kind}`;
      const group = groups.get(key) ?? groups.set(key, { pace, messages: [] }).get(key)!;
      group.messages.push(message);
    }
    await inPool([...groups.values()], this.options.concurrency, async ({ pace, messages }) => {
      for (const [index, message] of messages.entries()) {
        const wait = pace ? this.setup.pacer.waitMs(pace.key, this.ctx.clock.now().getTime()) : 0;
        if (this.halting || wait > MAX_PACING_WAIT_MS) {
          report.deferred += messages.length - index;
          return;
        }
        if (wait > 0) await this.options.sleep(wait);
        const outcome = await deliverMessage(this.setup, message, pace);
        if (outcome) report[outcome]++;
        else waiting++;
      }
    });
    const wanted = [
      due.length === BATCH ? 0 : undefined,
      report.deferred > 0 ? MAX_PACING_WAIT_MS : undefined,
      waiting > 0 ? RECHECK_MS : undefined,
      await this.nextWaitingMs(),
    ].filter((ms): ms is number => ms !== undefined);
    return { report, nextRunMs: wanted.length ? Math.max(0, Math.min(...wanted)) : undefined };
  }

  private async paceOf(message: Stored<OutboxMessage>): Promise<Pace | undefined> {
    try {
      return await this.deliverer.pace?.(message);
    } catch (error) {
      // The send itself will meet the same problem and be retried or recorded as failed.
      this.logger.warn({ err: error, messageId: message.id }, 'could not tell where a notification goes; sending it unpaced');
      return undefined;
    }
  }
}

/** Oldest first; messages written in the same millisecond by one process, in the order written. */
function inWriteOrder(a: OutboxMessage, b: OutboxMessage): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.writeOrder ?? 0) - (b.writeOrder ?? 0);
}

/** Runs `work` over `items`, at most `size` at a time. */
async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
