import type { Stored } from '../store/document-store.js';
import type { OutboxMessage } from './outbox-message.js';
import type { Pace } from './pacing.js';

// The seam between the channel-neutral outbox and the channel edges that really send (bot/teams, bot/slack).

export interface DeliveryAttempt {
  /** The message id: the same on every attempt and after a restart, so the channel side can dedupe on it. */
  deliveryKey: string;
  attempt: number;
  /** An earlier attempt may have posted (OutboxMessage.uncertain): look for `deliveryKey` before posting again. */
  maybeSentBefore: boolean;
}

/** Sends one outbox message on whatever channel its target uses; returns channel ids of what it sent. */
export interface NotificationDeliverer {
  deliver(message: Stored<OutboxMessage>, attempt: DeliveryAttempt): Promise<Record<string, unknown> | undefined>;
  /** The conversation a message goes to and its rate; without it messages are not paced. */
  pace?(message: Stored<OutboxMessage>): Pace | undefined | Promise<Pace | undefined>;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
  /** Left for a later pass: their conversation is held off for longer than a pass should wait. */
  deferred: number;
}
