import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import type { DigestLease } from '../../../services/digest/digest-lease.js';
import { cleanUpOutbox } from '../../../services/notifications/outbox-cleanup.js';
import type { OutboxMessage, OutboxStatus } from '../../../services/notifications/outbox-message.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';

const NOW = '2026-12-02T03:30:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

function message(id: string, status: OutboxStatus, at: string): OutboxMessage {
  return {
    id, allianceId: 'riverside-hub', type: 'outbox', status, attempts: 1, notBefore: at, createdAt: at,
    target: { kind: 'managerChannel' }, event: { kind: 'requestForManagers', requestId: `request-${id}` },
    ...(status === 'sent' ? { sentAt: at } : {}),
    ...(status === 'failed' || status === 'dropped' ? { failedAt: at, failedReason: 'test' } : {}),
  };
}

function lease(week: string, claimedUntil: string): DigestLease {
  return { id: `digest-${week}`, allianceId: 'riverside-hub', type: 'digestLease', week, state: 'posted', holder: 'h', claimedAt: claimedUntil, claimedUntil };
}

for (const kind of SHARED_STORE_KINDS) {
  describe(`outbox clean-up on a ${kind.name}`, function () {
    this.timeout(20_000);
    let shared: SharedStore;
    let store: DocumentStore;
    beforeEach(async () => {
      shared = await kind.open();
      store = await shared.connect();
      for (const doc of [
        message('sent-old', 'sent', daysAgo(40)), message('sent-recent', 'sent', daysAgo(10)), message('dropped-old', 'dropped', daysAgo(40)),
        message('failed-old', 'failed', daysAgo(40)), message('pending-old', 'pending', daysAgo(40)),
      ]) await store.create(doc);
      await store.create(lease('2026-W40', daysAgo(60)));
      await store.create(lease('2026-W48', daysAgo(3)));
    });
    afterEach(() => shared.close());

    const remaining = async () => [
      ...(await store.queryAllAlliances<OutboxMessage>({ type: 'outbox' })).map((m) => m.id),
      ...(await store.queryAllAlliances<DigestLease>({ type: 'digestLease' })).map((l) => l.id),
    ].sort();

    it('deletes sent and dropped messages and leases older than 30 days, and keeps failed and pending ones', async () => {
      assert.deepEqual(await cleanUpOutbox({ store, clock: fixedClock(NOW) }), { messages: 2, leases: 1 });
      assert.deepEqual(await remaining(), ['digest-2026-W48', 'failed-old', 'pending-old', 'sent-recent']);
      assert.deepEqual(await cleanUpOutbox({ store, clock: fixedClock(NOW) }), { messages: 0, leases: 0 });
    });

    it('honours a configured retention', async () => {
      assert.deepEqual(await cleanUpOutbox({ store, clock: fixedClock(NOW) }, 7), { messages: 3, leases: 1 });
      assert.deepEqual(await remaining(), ['digest-2026-W48', 'failed-old', 'pending-old']);
    });
  });
}
