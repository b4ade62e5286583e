import type { AuditEntry } from './domain/audit.js';
import type { Deployment } from './domain/deployment.js';
import { changesRanking } from './matching/directory-snapshot.js';
import { noteDirectoryChange } from './matching/directory-version.js';
import { enqueueNotifications } from './notifications/enqueue.js';
import type { Notification } from './notifications/notification.js';
import { withDueFields } from './service-levels/record-due.js';
import type { ServiceContext } from './service-context.js';
import type { DocumentBase, Stored } from './store/document-store.js';

/** A record with a lifecycle: its status and the history of who changed it. */
export interface AuditedRecord extends DocumentBase {
  status: string;
  updatedAt: string;
  history: AuditEntry[];
}

export interface AuditedChange<T extends AuditedRecord> {
  by: string;
  /** What happened, for the history: 'status', 'plan-submitted', 'plan-confirmed'… */
  action: string;
  to?: T['status'];
  changes?: Partial<Omit<T, 'id' | 'allianceId' | 'type' | 'status' | 'history'>>;
  note?: string;
  /** The record the change points at, e.g. the deployment an approval created. */
  ref?: string;
  notify?: Notification[];
}

/**
 * One etag-checked write of a record together with its history entry (who, when, from, to), so the
 * change and its audit are one write. Notifications go to the outbox first, conditional on this
 * history entry, so they are neither lost nor sent for a change that lost a race
 * (see OutboxMessage.requires). Callers check the move is legal first.
 */
export async function writeAudited<T extends AuditedRecord>(ctx: ServiceContext, record: Stored<T>, change: AuditedChange<T>): Promise<Stored<T>> {
  const at = ctx.clock.now().toISOString();
  const entry: AuditEntry = {
    at, by: change.by, action: change.action,
    ...(change.to ? { from: record.status, to: change.to } : {}),
    ...(change.note ? { note: change.note } : {}),
    ...(change.ref ? { ref: change.ref } : {}),
  };
  if (change.notify?.length) {
    await enqueueNotifications(
      ctx,
      record.allianceId,
      { recordId: record.id, historyIndex: record.history.length, by: change.by, to: change.to, ref: change.ref },
      change.notify,
    );
  }
  const next = await withDueFields(ctx, {
    ...record,
    ...change.changes,
    status: change.to ?? record.status,
    updatedAt: at,
    history: [...record.history, entry],
  } as T);
  const written = await ctx.store.replace<T>(next, record._etag);
  if (change.notify?.length) ctx.wakeOutbox?.();
  // A deployment's days, status and rating feed every supporter's workload in searches.
  if (record.type === 'deployment' && changesRanking(record as unknown as Deployment, next as unknown as Deployment)) {
    await noteDirectoryChange(ctx.store, record.allianceId, 'deployment', record.id);
  }
  return written;
}
