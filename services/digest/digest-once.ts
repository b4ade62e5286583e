import { DuplicateError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import { computeWeek } from './compute-digest.js';
import { parseIsoWeek } from './iso-week.js';
import { readStoredDigest, storedDigestId, type StoredDigest } from './stored-digest.js';
import type { WeeklyDigest } from './weekly-digest.js';

/**
 * A finished week's digest, computed once per alliance and stored: the claim computes it, and the
 * outbox (on every attempt to post it) reads what was stored. Two instances computing it at once
 * write the same document id; the second is refused and uses the first. A week still running is
 * computed and not stored.
 */
export async function weeklyDigestOnce(ctx: ServiceContext, allianceId: string, week: string): Promise<WeeklyDigest> {
  const stored = await readStoredDigest(ctx.store, allianceId, week);
  if (stored) return stored.digest;
  const { digest, termCosted } = await computeWeek(ctx, allianceId, week);
  if (parseIsoWeek(week).end > ctx.clock.now()) return digest;
  try {
    await ctx.store.create<StoredDigest>({
      id: storedDigestId(week), allianceId, type: 'weeklyDigest', week, computedAt: ctx.clock.now().toISOString(), digest, termCosted,
    });
    return digest;
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    return (await readStoredDigest(ctx.store, allianceId, week))?.digest ?? digest;
  }
}
