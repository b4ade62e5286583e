import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { claimDigest, DIGEST_LEASE_MS } from '../../../services/digest/digest-lease.js';
import { DigestScheduler, dueDigestWeek, runDigestTick } from '../../../services/digest/digest-scheduler.js';
import { createLogger } from '../../../services/logger.js';
import { OutboxDelivery } from '../../../services/notifications/OutboxDelivery.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { createFakeChannelApi } from '../../helpers/fake-channel-api.js';
import { killable, SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { alliance, seed } from './digest-fixtures.js';

const MONDAY_0800 = '2026-11-30T08:00:00Z';
const at = (iso: string) => new Date(iso);
const outbox = (store: DocumentStore) => store.queryAllAlliances<OutboxMessage>({ type: 'outbox' });

describe('dueDigestWeek', () => {
  it('is due once the cron time in the current week has passed, for the last full week', () => {
    assert.equal(dueDigestWeek(at('2026-11-30T07:59:59Z')), undefined);
    assert.equal(dueDigestWeek(at(MONDAY_0800)), '2026-W48');
    assert.equal(dueDigestWeek(at('2026-12-06T23:59:00Z')), '2026-W48', 'a process down on Monday catches up later that week');
    // 08:00 in London is 07:00 UTC in summer time.
    assert.equal(dueDigestWeek(at('2026-03-30T06:59:00Z')), undefined);
    assert.equal(dueDigestWeek(at('2026-03-30T07:00:00Z')), '2026-W13');
  });

  it('follows a configured cron and time zone', () => {
    const friday = { digestCron: '30 17 * * 5', timeZone: 'Europe/London' };
    assert.equal(dueDigestWeek(at('2026-12-04T17:29:00Z'), friday), undefined);
    assert.equal(dueDigestWeek(at('2026-12-04T17:30:00Z'), friday), '2026-W48');
    const newYork = { digestCron: '0 8 * * 1', timeZone: 'America/New_York' };
    assert.equal(dueDigestWeek(at('2026-11-30T12:59:00Z'), newYork), undefined);
    assert.equal(dueDigestWeek(at('2026-11-30T13:00:00Z'), newYork), '2026-W48');
  });
});

for (const kind of SHARED_STORE_KINDS) {
  describe(`weekly digest with two instances on one ${kind.name}`, function () {
    this.timeout(30_000);
    let shared: SharedStore;
    let first: DocumentStore;
    let second: DocumentStore;
    beforeEach(async () => {
      shared = await kind.open();
      [first, second] = [await shared.connect(), await shared.connect()];
      await seed(first, [alliance('riverside-hub', 'Riverside Hub'), alliance('kingfisher-hub', 'Kingfisher Hub'), alliance('unlinked-hub', 'Unlinked Hub', false)]);
    });
    afterEach(() => shared.close());

    it('queues one digest per alliance and week and posts it once, however often both tick', async () => {
      const clock = fixedClock(MONDAY_0800);
      const ticks = await Promise.all([first, second, first, second].map((store) => runDigestTick({ store, clock })));
      const outcomes = (allianceId: string) => ticks.flatMap((t) => t.posts).filter((p) => p.allianceId === allianceId).map((p) => p.outcome);
      assert.equal(outcomes('riverside-hub').filter((o) => o === 'queued').length, 1);
      assert.equal(outcomes('kingfisher-hub').filter((o) => o === 'queued').length, 1);
      assert.deepEqual(outcomes('unlinked-hub'), Array(4).fill('no-manager-channel'));
      clock.advance(3_600_000);
      const later = await runDigestTick({ store: second, clock });
      assert.deepEqual(later.posts.map((p) => p.outcome).sort(), ['already-posted', 'already-posted', 'no-manager-channel']);

      const queued = await outbox(first);
      assert.deepEqual(queued.map((m) => m.event).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [
        { kind: 'weeklyDigest', allianceId: 'kingfisher-hub', week: '2026-W48' },
        { kind: 'weeklyDigest', allianceId: 'riverside-hub', week: '2026-W48' },
      ]);
      const api = createFakeChannelApi({ clock });
      const deliverer = { deliver: (m: OutboxMessage, a: { deliveryKey: string }) => api.post(`slack:${m.allianceId}`, a.deliveryKey) };
      const logger = createLogger('silent');
      await Promise.all([first, second].map((store) => new OutboxDelivery({ store, clock }, deliverer, logger).runOnce()));
      assert.deepEqual(api.calls.map((c) => c.conversation).sort(), ['slack:kingfisher-hub', 'slack:riverside-hub']);
    });

    it('retries a claim whose holder died before queuing, once the lease has run out', async () => {
      const clock = fixedClock(MONDAY_0800);
      await claimDigest({ store: first, clock }, 'riverside-hub', '2026-W48', 'died-before-queuing');
      const blocked = await runDigestTick({ store: second, clock });
      assert.equal(blocked.posts.find((p) => p.allianceId === 'riverside-hub')?.outcome, 'claimed-elsewhere');
      clock.advance(DIGEST_LEASE_MS + 1);
      const retried = await runDigestTick({ store: second, clock });
      assert.equal(retried.posts.find((p) => p.allianceId === 'riverside-hub')?.outcome, 'queued');
      assert.equal((await outbox(second)).filter((m) => m.allianceId === 'riverside-hub').length, 1);
    });

    it('does not queue twice when the holder died after queuing but before marking it posted', async () => {
      const clock = fixedClock(MONDAY_0800);
      const dying = killable(first, (method, args) => method === 'create' && (args[0] as { type: string }).type === 'outbox');
      void runDigestTick({ store: dying.store, clock });
      for (let wait = 0; wait < 100 && !(await outbox(second)).length; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      const [written] = await outbox(second);

      clock.advance(DIGEST_LEASE_MS + 1);
      const retried = await runDigestTick({ store: second, clock });
      const post = retried.posts.find((p) => p.allianceId === written.allianceId);
      assert.deepEqual([post?.outcome, post?.outboxId], ['queued', written.id]);
      assert.equal((await outbox(second)).filter((m) => m.allianceId === written.allianceId).length, 1);
    });
  });
}

describe('DigestScheduler', () => {
  it('ticks at start, so a digest missed while the process was down goes out, and stops cleanly', async () => {
    const shared = await SHARED_STORE_KINDS[0].open();
    try {
      const store = await shared.connect();
      await seed(store, [alliance('riverside-hub', 'Riverside Hub')]);
      let queued!: () => void;
      const wasQueued = new Promise<void>((resolve) => { queued = resolve; });
      const scheduler = new DigestScheduler({ store, clock: fixedClock('2026-12-01T10:00:00Z'), wakeOutbox: queued }, { enabled: true, digestCron: '0 8 * * 1', timeZone: 'Europe/London' }, createLogger('silent'));
      assert.equal(scheduler.start(), true);
      await wasQueued;
      await scheduler.stop();
      assert.deepEqual((await outbox(store)).map((m) => m.event), [{ kind: 'weeklyDigest', allianceId: 'riverside-hub', week: '2026-W48' }]);
    } finally {
      await shared.close();
    }
  });

  it('refuses a malformed cron or an unknown time zone when it starts, not at posting time', () => {
    const ctx = { store: undefined as never, clock: fixedClock('2026-12-01T10:00:00Z') };
    for (const schedule of [{ digestCron: '0 8 * *', timeZone: 'Europe/London' }, { digestCron: '0 8 * * 1', timeZone: 'Europe/Atlantis' }]) {
      assert.throws(() => new DigestScheduler(ctx, { enabled: true, ...schedule }, createLogger('silent')).start(), schedule.digestCron + schedule.timeZone);
    }
  });

  it('does nothing when switched off (SCHEDULER=off)', async () => {
    const shared = await SHARED_STORE_KINDS[0].open();
    try {
      const store = await shared.connect();
      await seed(store, [alliance('riverside-hub', 'Riverside Hub')]);
      const scheduler = new DigestScheduler({ store, clock: fixedClock('2026-12-01T10:00:00Z') }, { enabled: false, digestCron: '0 8 * * 1', timeZone: 'Europe/London' }, createLogger('silent'));
      assert.equal(scheduler.start(), false);
      await scheduler.stop();
      assert.deepEqual(await outbox(store), []);
    } finally {
      await shared.close();
    }
  });
});
