import { strict as assert } from 'node:assert';
import { systemClock } from '../../../services/clock.js';
import { ChannelApiError } from '../../../services/errors.js';
import { createLogger } from '../../../services/logger.js';
import { enqueueNotifications } from '../../../services/notifications/enqueue.js';
import { OutboxDelivery, type NotificationDeliverer } from '../../../services/notifications/OutboxDelivery.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import type { ServiceContext } from '../../../services/service-context.js';
import { meterTurn } from '../../../services/store/request-charge.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';

const HOUR = 3_600_000;
const ALLIANCE = 'riverside-hub';
const note = (n: number) => [{ target: { kind: 'person' as const, personId: `person-${n}` }, event: { kind: 'requestDecided' as const, requestId: `request-${n}` } }];

/** Resolves once `check` holds, or fails after `ms` of real time. */
async function within(ms: number, check: () => boolean, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) assert.fail(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

for (const kind of SHARED_STORE_KINDS) {
  describe(`outbox wake-up over a ${kind.name}`, function () {
    this.timeout(20_000);
    let shared: SharedStore;
    const running: OutboxDelivery[] = [];
    beforeEach(async () => { shared = await kind.open(); });
    afterEach(async () => {
      for (const delivery of running.splice(0)) await delivery.stop();
      await shared.close();
    });

    /** A delivery loop whose safety poll is `pollMs`, recording what it sends; `failFirst` fails each message's first try. */
    const startDelivery = async (pollMs: number, options: { failFirst?: boolean } = {}) => {
      const sent: string[] = [];
      const tried = new Set<string>();
      const deliverer: NotificationDeliverer = {
        async deliver(message) {
          if (options.failFirst && !tried.has(message.id)) {
            tried.add(message.id);
            throw new ChannelApiError('throttled', { status: 429, retryAfterMs: 300, permanent: false });
          }
          sent.push(message.id);
          return undefined;
        },
      };
      const store = await shared.connect();
      const delivery = new OutboxDelivery({ store, clock: systemClock }, deliverer, createLogger('silent'), { pollMs, random: () => 0 });
      running.push(delivery);
      delivery.start();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the start-up pass, over an empty outbox
      const ctx: ServiceContext = { store, clock: systemClock, wakeOutbox: () => delivery.kick() };
      return { sent, ctx };
    };

    it('delivers a notification written on this instance at once, though its safety poll is an hour away', async () => {
      const { sent, ctx } = await startDelivery(HOUR);
      const [id] = await enqueueNotifications(ctx, ALLIANCE, { key: 'wake-1' }, note(1));
      await within(3_000, () => sent.includes(id), 'delivery after the write');
    });

    it('runs a pass a turn wakes outside that turn: the turn is not charged for the delivery', async () => {
      const { sent, ctx } = await startDelivery(HOUR);
      let id = '';
      const { charge } = await meterTurn(async () => {
        [id] = await enqueueNotifications(ctx, ALLIANCE, { key: 'wake-6' }, note(6));
      });
      const callsInTurn = charge.storeCalls;
      await within(3_000, () => sent.includes(id), 'delivery after the write');
      await new Promise((resolve) => setTimeout(resolve, 50)); // the pass marks it sent after sending
      assert.equal(charge.storeCalls, callsInTurn, 'the pass added nothing to the turn');
    });

    it('wakes for a retry at its own due time, not at the next poll', async () => {
      const { sent, ctx } = await startDelivery(HOUR, { failFirst: true });
      const [id] = await enqueueNotifications(ctx, ALLIANCE, { key: 'wake-2' }, note(2));
      const waited = await within(5_000, () => sent.includes(id), 'the retry');
      assert.ok(waited >= 250, `the retry honoured Retry-After (${waited} ms)`);
    });

    it('after any pass, sends a message waiting for a later time at that time', async () => {
      const { sent, ctx } = await startDelivery(HOUR);
      // Another instance left a retry due shortly; this instance knows nothing of it until its next pass.
      const other: ServiceContext = { store: await shared.connect(), clock: systemClock };
      const [waitingId] = await enqueueNotifications(other, ALLIANCE, { key: 'wake-4' }, note(4));
      const waiting = (await other.store.get<OutboxMessage>(ALLIANCE, waitingId))!;
      await other.store.replace<OutboxMessage>({ ...waiting, notBefore: new Date(Date.now() + 400).toISOString() }, waiting._etag);
      const [ownId] = await enqueueNotifications(ctx, ALLIANCE, { key: 'wake-5' }, note(5));
      await within(3_000, () => sent.includes(ownId), 'delivery after the write');
      await within(3_000, () => sent.includes(waitingId), 'the waiting message at its time');
    });

    it("finds another instance's notification at its safety poll", async () => {
      const { sent } = await startDelivery(400);
      const other: ServiceContext = { store: await shared.connect(), clock: systemClock };
      const [id] = await enqueueNotifications(other, ALLIANCE, { key: 'wake-3' }, note(3));
      await within(3_000, () => sent.includes(id), 'the safety poll');
    });
  });
}
