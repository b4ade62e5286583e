import type { SupportRequest } from '../domain/support-request.js';
import { ConcurrencyError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { proposeCandidates } from './propose-candidates.js';
import { transitionRequest } from './transition-request.js';

/** A request younger than this may still be in its head's turn, so the sweep leaves it alone. */
const SWEEP_GRACE_MS = 2 * 60_000;

/** Puts a stored request in front of the managers: its best candidates frozen on it, and the channel told. */
export async function brokerSubmitted(ctx: ServiceContext, submitted: Stored<SupportRequest>, by: string): Promise<Stored<SupportRequest>> {
  const candidates = await proposeCandidates(ctx, submitted);
  return transitionRequest(ctx, submitted, {
    to: 'matching',
    by,
    changes: { candidates },
    notify: [{ target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: submitted.id } }],
  });
}

/**
 * Brokers every request left in `submitted` because the process stopped between storing it and
 * brokering it. Runs at start-up and on the scheduler's tick; two instances sweeping at once are
 * kept apart by the etag, so each request is brokered once. Returns how many it brokered.
 */
export async function brokerStuckRequests(ctx: ServiceContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - SWEEP_GRACE_MS).toISOString();
  const stuck = await ctx.store.queryAllAlliances<SupportRequest>({
    type: 'supportRequest',
    where: [{ field: 'status', op: 'eq', value: 'submitted' }, { field: 'createdAt', op: 'lt', value: cutoff }],
  });
  let brokered = 0;
  for (const request of stuck) {
    try {
      await brokerSubmitted(ctx, request, raiserOf(request));
      brokered += 1;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // another instance brokered it first
    }
  }
  return brokered;
}

/** Brokering finishes the submission, so it is recorded as the raiser's, as it would have been. */
export function raiserOf(request: SupportRequest): string {
  return request.history[0]?.by ?? request.requesterId;
}
