import type { DigestLease } from '../digest/digest-lease.js';
import { ConcurrencyError, NotFoundError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Condition, DocumentBase, Stored } from '../store/document-store.js';
import type { OutboxMessage } from './outbox-message.js';

/** Days sent messages and finished leases are kept, unless configured otherwise. */
export const DEFAULT_RETENTION_DAYS = 30;
/** Deletions per run and kind; a backlog clears over a few runs. */
const BATCH = 500;
const DAY_MS = 86_400_000;

export interface CleanupReport {
  messages: number;
  leases: number;
}

/**
 * Deletes outbox messages sent (or dropped as superseded) more than `retentionDays` ago, and digest
 * leases of weeks posted or abandoned that long ago. Failed messages stay: they are the delivery
 * problems a manager reads. Each delete is etag-checked, so a message changed meanwhile stays.
 */
export async function cleanUpOutbox(ctx: ServiceContext, retentionDays = DEFAULT_RETENTION_DAYS): Promise<CleanupReport> {
  const cutoff = new Date(ctx.clock.now().getTime() - retentionDays * DAY_MS).toISOString();
  const sent = await oldOnes<OutboxMessage>(ctx, 'outbox', [{ field: 'status', op: 'eq', value: 'sent' }, { field: 'sentAt', op: 'lt', value: cutoff }]);
  const dropped = await oldOnes<OutboxMessage>(ctx, 'outbox', [{ field: 'status', op: 'eq', value: 'dropped' }, { field: 'failedAt', op: 'lt', value: cutoff }]);
  // A digest lease is only consulted in its own week; a claim left that long ago died with its holder.
  const leases = await oldOnes<DigestLease>(ctx, 'digestLease', [{ field: 'claimedUntil', op: 'lt', value: cutoff }]);
  return { messages: await deleteAll(ctx, [...sent, ...dropped]), leases: await deleteAll(ctx, leases) };
}

function oldOnes<T extends DocumentBase>(ctx: ServiceContext, type: string, where: Condition[]): Promise<Array<Stored<T>>> {
  return ctx.store.queryAllAlliances<T>({ type, where, limit: BATCH });
}

async function deleteAll(ctx: ServiceContext, docs: Array<Stored<DocumentBase>>): Promise<number> {
  let deleted = 0;
  for (const doc of docs) {
    try {
      await ctx.store.delete(doc.allianceId, doc.id, doc._etag);
      deleted += 1;
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
    }
  }
  return deleted;
}
