import type { AuditEntry } from '../domain/audit.js';
import type { DocumentStore } from '../store/document-store.js';
import type { OutboxMessage } from './outbox-message.js';

/** How long a message may wait for the state change it announces before it is dropped. */
export const PRECONDITION_GRACE_MS = 2 * 60_000;

export type PreconditionState = 'met' | 'not-yet' | 'never';

/** Did the state change this message announces really happen (see OutboxMessage.requires)? */
export async function checkPrecondition(store: DocumentStore, message: OutboxMessage, now: Date): Promise<PreconditionState> {
  const requires = message.requires;
  if (!requires) return 'met';
  const record = await store.get<{ id: string; allianceId: string; type: string; history?: AuditEntry[] }>(message.allianceId, requires.recordId);
  const entry = record?.history?.[requires.historyIndex];
  if (entry) {
    const same = entry.by === requires.by && (requires.to === undefined || entry.to === requires.to) && (requires.ref === undefined || entry.ref === requires.ref);
    return same ? 'met' : 'never';
  }
  const age = now.getTime() - Date.parse(message.createdAt);
  return age > PRECONDITION_GRACE_MS ? 'never' : 'not-yet';
}
