import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { ChannelApiError } from '../../../services/errors.js';
import { MAX_ATTEMPTS } from '../../../services/notifications/backoff.js';
import { PRECONDITION_GRACE_MS } from '../../../services/notifications/check-precondition.js';
import { enqueueNotifications } from '../../../services/notifications/enqueue.js';
import type { DeliveryAttempt } from '../../../services/notifications/OutboxDelivery.js';
import { createFakeChannelApi } from '../../helpers/fake-channel-api.js';
import { seededRandom, SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { ALLIANCE, allMessages, deliveryOn, drain, enqueueMany, fakeDeliverer } from './outbox-fixtures.js';

describe('deliverMessage (through OutboxDelivery)', () => {
  let shared: SharedStore;
  beforeEach(async () => { shared = await SHARED_STORE_KINDS[0].open(); });
  afterEach(() => shared.close());

  it('gives up after MAX_ATTEMPTS passing failures and records the last reason', async () => {
    const clock = fixedClock('2026-11-23T09:00:00Z');
    const store = await shared.connect();
    await enqueueMany({ store, clock }, { people: 1, each: 1, forManagers: 0 });
    let calls = 0;
    const delivery = deliveryOn({ store, clock }, {
      deliver: async () => {
        calls++;
        throw new ChannelApiError('Bad gateway', { status: 502, permanent: false });
      },
    }, seededRandom(3));
    await drain([delivery], store, clock);

    const [message] = await allMessages(store);
    assert.equal(calls, MAX_ATTEMPTS);
    assert.equal(message.status, 'failed');
    assert.equal(message.failedReason, `gave up after ${MAX_ATTEMPTS} attempts: Bad gateway (HTTP 502)`);
    assert.equal(message.uncertain, true, 'a 502 may have come after the channel posted');
  });

  it('lets a send that outlived its claim lose quietly to the instance that took the message over', async () => {
    const clock = fixedClock('2026-11-23T09:00:00Z');
    const api = createFakeChannelApi({ clock });
    const [slowStore, otherStore] = [await shared.connect(), await shared.connect()];
    const [id] = await enqueueMany({ store: slowStore, clock }, { people: 1, each: 1, forManagers: 0 });
    let release!: () => void;
    let started!: () => void;
    const sending = new Promise<void>((resolve) => { started = resolve; });
    const slow = deliveryOn({ store: slowStore, clock }, {
      async deliver(message, attempt) {
        const posted = await api.post('slack:person-1', attempt.deliveryKey);
        started();
        await new Promise<void>((resolve) => { release = resolve; });
        return posted;
      },
    }, seededRandom(4));
    const slowPass = slow.runOnce();
    await sending;

    clock.advance(61_000);
    const attempts: Array<DeliveryAttempt & { conversation: string }> = [];
    const takeover = await deliveryOn({ store: otherStore, clock }, fakeDeliverer(api, attempts), seededRandom(5)).runOnce();
    release();
    const late = await slowPass;

    assert.equal(takeover.sent, 1);
    assert.equal(late.sent, 0, 'the late finish found the message moved on and left it');
    assert.deepEqual(attempts.map((a) => [a.deliveryKey, a.attempt, a.maybeSentBefore]), [[id, 2, true]]);
    assert.deepEqual(api.calls.map((c) => c.outcome), ['posted', 'deduplicated']);
    const [message] = await allMessages(otherStore);
    assert.equal(message.status, 'sent');
  });

  it('drops a message whose state change never happened, without calling the channel', async () => {
    const clock = fixedClock('2026-11-23T09:00:00Z');
    const api = createFakeChannelApi({ clock });
    const store = await shared.connect();
    await enqueueNotifications({ store, clock }, ALLIANCE, { recordId: 'request-lost', historyIndex: 1, by: 'person-m', to: 'proposed' }, [
      { target: { kind: 'managerChannel' }, event: { kind: 'requestCardUpdate', requestId: 'request-lost' } },
    ]);
    const delivery = deliveryOn({ store, clock }, fakeDeliverer(api), seededRandom(6));
    assert.equal((await delivery.runOnce()).dropped, 0, 'within the grace period it may still happen');
    clock.advance(PRECONDITION_GRACE_MS + 1);
    assert.equal((await delivery.runOnce()).dropped, 1);

    const [message] = await allMessages(store);
    assert.equal(message.status, 'dropped');
    assert.equal(api.calls.length, 0);
  });
});
