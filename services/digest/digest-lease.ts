import { ConcurrencyError, DuplicateError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** Long enough to enqueue one message, short enough that a crashed claim is retried within the hour. */
export const DIGEST_LEASE_MS = 5 * 60_000;

/**
 * Who posts an alliance's digest for a week, when several instances tick at once. `claimed` until
 * `claimedUntil`; `posted` once its outbox message is written. A claim left past its time died with
 * its holder, and the next tick takes it over.
 */
export interface DigestLease {
  id: string;
  allianceId: string;
  type: 'digestLease';
  week: string;
  state: 'claimed' | 'posted';
  holder: string;
  claimedAt: string;
  claimedUntil: string;
  postedAt?: string;
  outboxId?: string;
}

export type DigestClaim =
  | { claimed: true; lease: Stored<DigestLease> }
  | { claimed: false; why: 'posted' | 'held'; lease: Stored<DigestLease> };

export function digestLeaseId(week: string): string {
  return `digest-${week}`;
}

/**
 * Claims the digest of `week` for `holder`: by creating the lease (a duplicate means someone has
 * it) or by replacing an expired claim at its etag (a conflict means someone else took it over).
 */
export async function claimDigest(ctx: ServiceContext, allianceId: string, week: string, holder: string, leaseMs = DIGEST_LEASE_MS): Promise<DigestClaim> {
  const now = ctx.clock.now();
  const claim: DigestLease = {
    id: digestLeaseId(week), allianceId, type: 'digestLease', week, state: 'claimed', holder,
    claimedAt: now.toISOString(), claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
  };
  // Each lost race means another holder moved the lease on; re-read and judge again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await ctx.store.get<DigestLease>(allianceId, claim.id);
    try {
      if (!current) return { claimed: true, lease: await ctx.store.create(claim) };
      if (current.state === 'posted') return { claimed: false, why: 'posted', lease: current };
      if (Date.parse(current.claimedUntil) > now.getTime()) return { claimed: false, why: 'held', lease: current };
      return { claimed: true, lease: await ctx.store.replace(claim, current._etag) };
    } catch (error) {
      if (!(error instanceof DuplicateError || error instanceof ConcurrencyError)) throw error;
    }
  }
  throw new ConcurrencyError(`The ${week} digest of ${allianceId}`);
}

/**
 * Marks a claimed digest posted. False when the claim had expired and another holder took it over:
 * that holder writes the same outbox message (its id derives from alliance and week), so the digest
 * still goes out once.
 */
export async function markDigestPosted(ctx: ServiceContext, lease: Stored<DigestLease>, outboxId: string): Promise<boolean> {
  try {
    await ctx.store.replace<DigestLease>({ ...lease, state: 'posted', postedAt: ctx.clock.now().toISOString(), outboxId }, lease._etag);
    return true;
  } catch (error) {
    if (error instanceof ConcurrencyError) return false;
    throw error;
  }
}
