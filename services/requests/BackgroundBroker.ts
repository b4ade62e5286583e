import { AsyncLocalStorage } from 'node:async_hooks';
import type { SupportRequest } from '../domain/support-request.js';
import { ConcurrencyError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { brokerSubmitted, raiserOf } from './broker-submitted.js';

/**
 * Brokers requests after the head's turn has answered: ranks the candidates, freezes them on the
 * request and queues the manager card, as brokerSubmitted does inside a turn. If this process stops
 * first, the request stays `submitted` and the sweep (brokerStuckRequests) brokers it; two
 * instances brokering one request are kept apart by its etag.
 */
export class BackgroundBroker {
  private readonly pending = new Map<string, Promise<void>>();
  /** Runs work in the context this broker was made in, outside any turn, so a turn's metered cost is its own. */
  private readonly outsideTurns = AsyncLocalStorage.snapshot();

  constructor(private readonly ctx: ServiceContext, private readonly logger: Logger) {}

  /** Starts brokering `request`; a second call for one already under way adds nothing. */
  broker(request: Stored<SupportRequest>): void {
    const key = `${request.allianceId}|${request.id}`;
    if (this.pending.has(key)) return;
    const work = this.outsideTurns(() => this.run(request)).finally(() => this.pending.delete(key));
    this.pending.set(key, work);
  }

  /** Resolves once every request handed over so far is brokered (or has failed and been logged). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending.values());
  }

  private async run(request: Stored<SupportRequest>): Promise<void> {
    try {
      await brokerSubmitted(this.ctx, request, raiserOf(request));
    } catch (error) {
      if (error instanceof ConcurrencyError) return; // brokered by another click or instance
      this.logger.error({ err: error, requestId: request.id }, 'brokering a new request failed; the sweep retries it');
    }
  }
}
