import { strict as assert } from 'node:assert';
import type { Clock } from '../../../services/clock.js';
import { createLogger } from '../../../services/logger.js';
import { enqueueNotifications } from '../../../services/notifications/enqueue.js';
import type { Notification } from '../../../services/notifications/notification.js';
import type { DeliveryAttempt, NotificationDeliverer } from '../../../services/notifications/OutboxDelivery.js';
import { OutboxDelivery } from '../../../services/notifications/OutboxDelivery.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import type { ChannelCall, FakeChannelApi } from '../../helpers/fake-channel-api.js';

export const ALLIANCE = 'riverside-hub';
export const TEAMS_PER_SECOND = 7;
export const SLACK_PER_SECOND = 1;

/** Odd-numbered people use Slack, even-numbered Teams; the manager channel is in Slack. */
export function conversationOf(message: OutboxMessage): string {
  if (message.target.kind === 'managerChannel') return 'slack:managers';
  const n = Number(message.target.personId.replace('person-', ''));
  return `${n % 2 ? 'slack' : 'teams'}:${message.target.personId}`;
}

export function perSecondOf(conversation: string): number {
  return conversation.startsWith('teams') ? TEAMS_PER_SECOND : SLACK_PER_SECOND;
}

/** A deliverer as the bot's would be, over a fake channel API, recording each attempt it is given. */
export function fakeDeliverer(api: FakeChannelApi, attempts: Array<DeliveryAttempt & { conversation: string }> = []): NotificationDeliverer {
  return {
    async deliver(message, attempt) {
      const conversation = conversationOf(message);
      attempts.push({ ...attempt, conversation });
      return api.post(conversation, attempt.deliveryKey);
    },
    pace: (message) => ({ key: conversationOf(message), perSecond: perSecondOf(conversationOf(message)) }),
  };
}

/** `people` people get `each` notifications apiece and the manager channel `forManagers`; returns the outbox ids. */
export async function enqueueMany(ctx: ServiceContext, counts: { people: number; each: number; forManagers: number }, batch = 'test-batch'): Promise<string[]> {
  const notifications: Notification[] = [];
  for (let n = 1; n <= counts.people; n++) {
    for (let k = 0; k < counts.each; k++) {
      notifications.push({ target: { kind: 'person', personId: `person-${n}` }, event: { kind: 'requestDecided', requestId: `request-${n}-${k}` } });
    }
  }
  for (let k = 0; k < counts.forManagers; k++) notifications.push({ target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: `request-m-${k}` } });
  return enqueueNotifications(ctx, ALLIANCE, { key: batch }, notifications);
}

/** Delivery that waits by moving the fixed clock on, so pacing and backoff take no real time. */
export function deliveryOn(ctx: ServiceContext & { clock: Clock & { advance(ms: number): void } }, deliverer: NotificationDeliverer, random: () => number): OutboxDelivery {
  return new OutboxDelivery(ctx, deliverer, createLogger('silent'), { sleep: async (ms) => ctx.clock.advance(ms), random });
}

export async function openMessages(store: DocumentStore): Promise<OutboxMessage[]> {
  return store.queryAllAlliances<OutboxMessage>({ type: 'outbox', where: [{ field: 'status', op: 'in', value: ['pending', 'sending'] }], orderBy: [{ field: 'notBefore', direction: 'asc' }] });
}

/** Runs passes, moving the clock to the next message due, until nothing is pending; returns the passes run. */
export async function drain(deliveries: OutboxDelivery[], store: DocumentStore, clock: Clock & { set(at: Date): void }, maxPasses = 500): Promise<number> {
  for (let pass = 1; pass <= maxPasses; pass++) {
    await Promise.all(deliveries.map((delivery) => delivery.runOnce()));
    const [next] = await openMessages(store);
    if (!next) return pass;
    clock.set(new Date(Math.max(clock.now().getTime() + 1_000, Date.parse(next.notBefore))));
  }
  throw new Error(`the outbox did not drain in ${maxPasses} passes`);
}

export async function allMessages(store: DocumentStore): Promise<OutboxMessage[]> {
  return store.queryAllAlliances<OutboxMessage>({ type: 'outbox' });
}

/** Every call to a conversation, failed ones included, started at least 1/rate after the one before. */
export function assertPaced(calls: ChannelCall[]): void {
  for (const conversation of new Set(calls.map((c) => c.conversation))) {
    const times = calls.filter((c) => c.conversation === conversation).map((c) => c.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(gaps.every((gap) => gap >= 1000 / perSecondOf(conversation) - 1), `${conversation}: gaps ${gaps.join(', ')}`);
  }
}
