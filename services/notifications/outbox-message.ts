import type { NotificationEvent, NotificationTarget } from './notification.js';

/**
 * pending → sending (claimed; a send may be under way) → sent | pending again (retry) | failed.
 * `dropped`: the state change it announced never happened, so there was nothing to say.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dropped';

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
  /** Write order within this process: breaks ties between messages written in the same millisecond. */
  writeOrder?: number;
  sentAt?: string;
  /** Why the last attempt failed, while it is still being retried. */
  lastError?: string;
  /** Why it was given up on (status failed or dropped), and when. */
  failedReason?: string;
  failedAt?: string;
  /**
   * An earlier attempt may have reached the channel: the process died while sending, or the channel
   * failed in a way that does not say whether it acted. The deliverer then checks before sending again.
   */
  uncertain?: boolean;
  /**
   * The state change this message announces: history entry `historyIndex` of record `recordId`,
   * made by `by`, moving to `to`. Messages are written before the change; delivery checks the change
   * really happened, and drops the message once it is clear it never will (the write lost a race or
   * the process died in between).
   */
  requires?: OutboxPrecondition;
  /** Channel ids of what was sent, so a later update can edit the same message. */
  delivered?: Record<string, unknown>;
  /** The person could not be reached, and was shown what waits for them when they next wrote. */
  deliveredOnReturn?: boolean;
}

export interface OutboxPrecondition {
  recordId: string;
  historyIndex: number;
  by: string;
  to?: string;
  ref?: string;
}
