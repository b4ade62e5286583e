import type { NotificationEvent, NotificationTarget } from './notification.js';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** One notification waiting to be delivered, delivered, or given up on with the reason. */
export interface OutboxMessage {
  id: string;
  allianceId: string;
  type: 'outbox';
  target: NotificationTarget;
  event: NotificationEvent;
  status: OutboxStatus;
  attempts: number;
  /** ISO time before which no one may try to send it (backoff, or another instance's claim). */
  notBefore: string;
  createdAt: string;
  sentAt?: string;
  failedReason?: string;
  /**
   * The state change this message announces: history entry `historyIndex` of record `recordId`,
   * made by `by`, moving to `to`. Messages are written before the change; delivery checks the change
   * really happened, and drops the message once it is clear it never will (the write lost a race or
   * the process died in between).
   */
  requires?: OutboxPrecondition;
  /** Channel ids of what was sent, so a later update can edit the same message. */
  delivered?: Record<string, unknown>;
}

export interface OutboxPrecondition {
  recordId: string;
  historyIndex: number;
  by: string;
  to?: string;
  ref?: string;
}
