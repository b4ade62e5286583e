import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { ChannelApiError } from '../../../services/errors.js';
import type { DeliveryAttempt } from '../../../services/notifications/OutboxDelivery.js';
import { createFakeChannelApi } from '../../helpers/fake-channel-api.js';
import { killable, never, seededRandom, SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { enqueueNotifications } from '../../../services/notifications/enqueue.js';
import { ALLIANCE, allMessages, assertPaced, deliveryOn, drain, enqueueMany, fakeDeliverer, openMessages } from './outbox-fixtures.js';

const START = '2026-11-23T09:00:00.000Z';

for (const kind of SHARED_STORE_KINDS) {
  describe(`OutboxDelivery over a ${kind.name}`, function () {
    this.timeout(60_000);
    let shared: SharedStore;
    beforeEach(async () => { shared = await kind.open(); });
    afterEach(() => shared.close());

    it('delivers every notification exactly once through a channel failing 30% of calls, across a crash between send and mark', async () => {
      const clock = fixedClock(START);
      const random = seededRandom(48);
      const api = createFakeChannelApi({ clock, failureRate: 0.3, random, retryAfterMs: 2_000 });
      const ids = await enqueueMany({ store: await shared.connect(), clock }, { people: 6, each: 8, forManagers: 12 });
      assert.equal(ids.length, 60);

      // The first process dies right after the channel showed its 25th post, before recording it.
      const dying = killable(await shared.connect());
      let died!: () => void;
      const death = new Promise<void>((resolve) => { died = resolve; });
      const crashing = fakeDeliverer(api);
      const firstProcess = deliveryOn({ store: dying.store, clock }, {
        ...crashing,
        async deliver(message, attempt) {
          const result = await crashing.deliver(message, attempt);
          if (api.shown.length < 25) return result;
          dying.kill();
          died();
          return never();
        },
      }, random);
      for (let pass = 0; pass < 100 && api.shown.length < 25; pass++) {
        await Promise.race([firstProcess.runOnce(), death]);
        clock.advance(3_000);
      }
      await death;

      const restarted = await shared.connect();
      const leftSending = (await openMessages(restarted)).filter((m) => m.status === 'sending');
      assert.ok(leftSending.length >= 1, 'the crash left a message marked sending');
      const attempts: Array<DeliveryAttempt & { conversation: string }> = [];
      await drain([deliveryOn({ store: restarted, clock }, fakeDeliverer(api, attempts), random)], restarted, clock);

      const outbox = await allMessages(restarted);
      assert.deepEqual(outbox.map((m) => m.status).filter((s) => s !== 'sent'), []);
      assert.deepEqual(api.shown.map((s) => s.key).sort(), [...ids].sort(), 'each notification shown once');
      // The failures that test exactly-once happened: throttling, and posts whose answer was lost.
      const outcomes = new Set(api.calls.map((c) => c.outcome));
      for (const outcome of ['throttled', 'timeout-after-posting', 'deduplicated'] as const) assert.ok(outcomes.has(outcome), outcome);
      const failed = api.calls.filter((c) => c.outcome !== 'posted' && c.outcome !== 'deduplicated').length / api.calls.length;
      assert.ok(failed > 0.15 && failed < 0.45, `failed share ${failed}`);
      // The message the first process was sending is retried after restart flagged as possibly sent.
      for (const message of leftSending) {
        assert.ok(attempts.some((a) => a.deliveryKey === message.id && a.maybeSentBefore), message.id);
      }
      assert.ok(outbox.every((m) => m.attempts >= 1 && m.sentAt));
      assertPaced(api.calls);
    });

    it('lets two instances drain one outbox at once without sending any message twice', async () => {
      const clock = fixedClock(START);
      const api = createFakeChannelApi({ clock });
      const [first, second] = [await shared.connect(), await shared.connect()];
      const ids = await enqueueMany({ store: first, clock }, { people: 4, each: 5, forManagers: 10 });
      const random = seededRandom(7);
      await drain([deliveryOn({ store: first, clock }, fakeDeliverer(api), random), deliveryOn({ store: second, clock }, fakeDeliverer(api), random)], first, clock);

      // No failures, so any second call for a key would mean two instances both held the claim.
      assert.equal(api.calls.length, ids.length);
      assert.deepEqual(api.calls.map((c) => c.key).sort(), [...ids].sort());
      assert.ok((await allMessages(second)).every((m) => m.status === 'sent' && m.attempts === 1));
    });
  });
}

describe('OutboxDelivery pacing', () => {
  let shared: SharedStore;
  beforeEach(async () => { shared = await SHARED_STORE_KINDS[0].open(); });
  afterEach(() => shared.close());

  it('spaces sends per conversation: Teams 7 a second, Slack 1 a second, conversations in parallel', async () => {
    const clock = fixedClock(START);
    const api = createFakeChannelApi({ clock });
    const store = await shared.connect();
    await enqueueMany({ store, clock }, { people: 2, each: 15, forManagers: 5 });
    const report = await deliveryOn({ store, clock }, fakeDeliverer(api), seededRandom(1)).runOnce();

    assert.equal(report.sent, 35);
    assertPaced(api.calls);
    assert.equal(new Set(api.calls.map((c) => c.conversation)).size, 3);
    // Fifteen Slack posts at one a second take fourteen seconds; the other conversations fit alongside.
    assert.ok(clock.now().getTime() - Date.parse(START) < 16_000);
  });

  it('holds a conversation for as long as a 429 Retry-After asks', async () => {
    const clock = fixedClock(START);
    const api = createFakeChannelApi({ clock });
    const store = await shared.connect();
    await enqueueMany({ store, clock }, { people: 0, each: 0, forManagers: 3 });
    let throttled = false;
    const honest = fakeDeliverer(api);
    const delivery = deliveryOn({ store, clock }, {
      ...honest,
      async deliver(message, attempt) {
        if (throttled) return honest.deliver(message, attempt);
        throttled = true;
        throw new ChannelApiError('Too many requests', { status: 429, retryAfterMs: 4_000, permanent: false });
      },
    }, seededRandom(2));
    const throttledAt = clock.now().getTime();
    await drain([delivery], store, clock);

    assert.equal(api.shown.length, 3);
    assert.ok(api.calls.every((c) => c.at >= throttledAt + 4_000), api.calls.map((c) => c.at - throttledAt).join(', '));
    assert.ok((await allMessages(store)).some((m) => m.lastError === 'Too many requests (HTTP 429)'));
  });

  it('sends one chat the messages written in the same millisecond in the order they were written', async () => {
    const clock = fixedClock(START);
    const store = await shared.connect();
    const written: string[] = [];
    // Separate writes (as separate turns make them), all at one instant of the fixed clock.
    for (let n = 0; n < 12; n++) {
      written.push(...await enqueueNotifications({ store, clock }, ALLIANCE, { key: `turn-${n}` }, [
        { target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: `request-${n}` } },
      ]));
    }
    const sent: string[] = [];
    const delivery = deliveryOn({ store, clock }, { async deliver(message) { sent.push(message.id); return undefined; } }, seededRandom(3));
    assert.equal((await delivery.runOnce()).sent, 12);
    assert.deepEqual(sent, written);
  });

  it('without a pace from the deliverer, still sends each target its messages in order, one at a time', async () => {
    const clock = fixedClock(START);
    const store = await shared.connect();
    for (let batch = 0; batch < 4; batch++) {
      await enqueueMany({ store, clock }, { people: 2, each: 1, forManagers: 1 }, `batch-${batch}`);
      clock.advance(1_000);
    }
    const inFlight = new Map<string, number>();
    const order: string[] = [];
    const delivery = deliveryOn({ store, clock }, {
      async deliver(message) {
        const target = JSON.stringify(message.target);
        assert.equal(inFlight.get(target) ?? 0, 0, `two sends to ${target} at once`);
        inFlight.set(target, 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
        order.push(`${target}|${message.createdAt}`);
        inFlight.set(target, 0);
        return undefined;
      },
    }, seededRandom(10));
    assert.equal((await delivery.runOnce()).sent, 12);
    for (const target of new Set(order.map((o) => o.split('|')[0]))) {
      const times = order.filter((o) => o.startsWith(`${target}|`)).map((o) => o.split('|')[1]);
      assert.deepEqual(times, [...times].sort(), target);
    }
  });
});
