import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { enqueueNotifications } from '../../../services/notifications/enqueue.js';
import type { Notification } from '../../../services/notifications/notification.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { openTempStore, type TempStore } from '../directory/temp-store.js';

const NOTIFY: Notification[] = [
  { target: { kind: 'managerChannel' }, event: { kind: 'requestCardUpdate', requestId: 'request-abc' } },
  { target: { kind: 'person', personId: 'person-h' }, event: { kind: 'requestMatched', requestId: 'request-abc', deploymentId: 'deployment-abc-x' } },
];

describe('enqueueNotifications', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(); });
  afterEach(() => temp.close());

  it('keeps the ids of messages caused by a state change as they were, so upgrading never sends one twice', async () => {
    const ctx = { store: temp.store, clock: temp.clock };
    const requires = { recordId: 'request-abc', historyIndex: 2, by: 'person-m', to: 'proposed', ref: 'deployment-abc-x' };
    const ids = await enqueueNotifications(ctx, 'test-hub', requires, NOTIFY);

    // Ids computed by the previous release for this cause.
    assert.deepEqual(ids, ['outbox-c7160eccb3a58ac24446584e', 'outbox-18d9b14f9e2776b7cbaf4414']);
    const stored = await temp.store.get<OutboxMessage>('test-hub', ids[0]);
    assert.deepEqual(stored?.requires, requires);
  });

  it('writes messages with a plain cause key once, without a precondition, however often it is called', async () => {
    const ctx = { store: temp.store, clock: fixedClock('2026-11-30T08:00:00Z') };
    const digest: Notification[] = [{ target: { kind: 'managerChannel' }, event: { kind: 'weeklyDigest', allianceId: 'test-hub', week: '2026-W48' } }];
    const first = await enqueueNotifications(ctx, 'test-hub', { key: 'weeklyDigest#test-hub#2026-W48' }, digest);
    ctx.clock.advance(60_000);
    const again = await enqueueNotifications(ctx, 'test-hub', { key: 'weeklyDigest#test-hub#2026-W48' }, digest);
    const otherWeek = await enqueueNotifications(ctx, 'test-hub', { key: 'weeklyDigest#test-hub#2026-W49' }, digest);

    assert.deepEqual(again, first);
    assert.notDeepEqual(otherWeek, first);
    const outbox = await temp.store.query<OutboxMessage>('test-hub', { type: 'outbox' });
    assert.equal(outbox.length, 2);
    const written = outbox.find((m) => m.id === first[0]);
    assert.equal(written?.requires, undefined);
    assert.equal(written?.createdAt, '2026-11-30T08:00:00.000Z', 'the second call changed nothing');
  });
});
