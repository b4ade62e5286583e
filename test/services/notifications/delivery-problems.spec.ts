import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { listDeliveryProblems } from '../../../services/notifications/delivery-problems.js';
import { createFakeChannelApi } from '../../helpers/fake-channel-api.js';
import { seededRandom, SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { ALLIANCE, deliveryOn, drain, enqueueMany, fakeDeliverer } from './outbox-fixtures.js';

describe('listDeliveryProblems', () => {
  let shared: SharedStore;
  beforeEach(async () => { shared = await SHARED_STORE_KINDS[0].open(); });
  afterEach(() => shared.close());

  it('lists failed notifications newest first: who missed what, and why; they are not retried', async () => {
    const clock = fixedClock('2026-11-23T09:00:00Z');
    const store = await shared.connect();
    const ctx = { store, clock };
    await store.create({ id: 'person-1', allianceId: ALLIANCE, type: 'person', name: 'Priya Shah' });
    await store.create({ id: 'request-1-0', allianceId: ALLIANCE, type: 'supportRequest', reference: 'S2S-2026-0001' });
    await enqueueMany(ctx, { people: 2, each: 2, forManagers: 1 });
    const api = createFakeChannelApi({ clock, blocked: ['slack:person-1', 'slack:managers'] });
    await drain([deliveryOn(ctx, fakeDeliverer(api), seededRandom(8))], store, clock);
    const callsAfterFailing = api.calls.length;
    clock.advance(3_600_000);
    await drain([deliveryOn(ctx, fakeDeliverer(api), seededRandom(9))], store, clock);

    const problems = await listDeliveryProblems(ctx, ALLIANCE);
    assert.equal(api.calls.length, callsAfterFailing, 'failed messages are not tried again');
    assert.equal(api.shown.length, 2, "person-2's notifications went through");
    assert.deepEqual(problems.map((p) => p.failedAt), problems.map((p) => p.failedAt).sort().reverse());
    assert.deepEqual(problems.map((p) => [p.who, p.what, p.reason, p.attempts]).sort(), [
      ['Priya Shah', 'decision on their request S2S-2026-0001', 'The user blocked the bot (HTTP 403)', 1],
      ['Priya Shah', 'decision on their request', 'The user blocked the bot (HTTP 403)', 1],
      ['The manager channel', 'new request card', 'The user blocked the bot (HTTP 403)', 1],
    ]);
    assert.deepEqual(await listDeliveryProblems(ctx, 'another-hub'), []);
  });
});
