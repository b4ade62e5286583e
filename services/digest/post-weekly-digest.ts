import type { Alliance } from '../domain/alliance.js';
import { NotFoundError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import type { ServiceContext } from '../service-context.js';
import { claimDigest, markDigestPosted } from './digest-lease.js';
import { weeklyDigestOnce } from './digest-once.js';
import { parseIsoWeek } from './iso-week.js';

export type DigestPostOutcome =
  /** This call wrote the outbox message; the delivery loop posts it. */
  | 'queued'
  | 'already-posted'
  /** Another instance holds an unexpired claim: it posts, or a later tick takes over. */
  | 'claimed-elsewhere'
  | 'no-manager-channel';

export interface DigestPost {
  allianceId: string;
  week: string;
  outcome: DigestPostOutcome;
  outboxId?: string;
}

/**
 * Posts an alliance's digest for `week` once, however many instances try: claim the week's lease,
 * compute and store the digest, write one outbox message to the manager channel with an id derived
 * from alliance and week (the outbox posts the stored digest), mark the lease posted. A crash after the claim is retried by a later tick once the lease expires; a
 * crash after writing the message writes the same message again, which adds nothing.
 */
export async function postWeeklyDigest(ctx: ServiceContext, allianceId: string, week: string, holder: string): Promise<DigestPost> {
  parseIsoWeek(week); // a malformed week is refused before anything is written
  const alliance = await ctx.store.get<Alliance>(allianceId, allianceId);
  if (!alliance) throw new NotFoundError(`Alliance ${allianceId}`);
  if (!alliance.managerChannel?.teams && !alliance.managerChannel?.slack) return { allianceId, week, outcome: 'no-manager-channel' };

  const claim = await claimDigest(ctx, allianceId, week, holder);
  if (!claim.claimed) {
    return { allianceId, week, outcome: claim.why === 'posted' ? 'already-posted' : 'claimed-elsewhere', ...(claim.lease.outboxId ? { outboxId: claim.lease.outboxId } : {}) };
  }
  await weeklyDigestOnce(ctx, allianceId, week);
  const [outboxId] = await enqueueNotifications(ctx, allianceId, { key: `weeklyDigest#${allianceId}#${week}` }, [
    { target: { kind: 'managerChannel' }, event: { kind: 'weeklyDigest', allianceId, week } },
  ]);
  await markDigestPosted(ctx, claim.lease, outboxId);
  return { allianceId, week, outcome: 'queued', outboxId };
}
