import { strict as assert } from 'node:assert';
import { claimDigest, DIGEST_LEASE_MS, markDigestPosted } from '../../../services/digest/digest-lease.js';
import { openTempStore, type TempStore } from '../directory/temp-store.js';

describe('digest lease', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(); });
  afterEach(() => temp.close());
  const ctx = () => ({ store: temp.store, clock: temp.clock });

  it('gives the week to one holder of many claiming at once', async () => {
    const claims = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((holder) => claimDigest(ctx(), 'test-hub', '2026-W48', holder)));
    assert.equal(claims.filter((c) => c.claimed).length, 1);
    assert.ok(claims.every((c) => c.claimed || c.why === 'held'));
  });

  it('keeps a posted week posted for everyone, even after the claim would have expired', async () => {
    const claim = await claimDigest(ctx(), 'test-hub', '2026-W48', 'a');
    assert.ok(claim.claimed);
    assert.equal(await markDigestPosted(ctx(), claim.lease, 'outbox-1'), true);
    temp.clock.advance(DIGEST_LEASE_MS * 10);
    const again = await claimDigest(ctx(), 'test-hub', '2026-W48', 'b');
    assert.deepEqual([again.claimed, !again.claimed && again.why, again.lease.outboxId, again.lease.holder], [false, 'posted', 'outbox-1', 'a']);
  });

  it('lets another holder take over a claim left past its time; the first then cannot mark it', async () => {
    const first = await claimDigest(ctx(), 'test-hub', '2026-W48', 'a');
    temp.clock.advance(DIGEST_LEASE_MS - 1);
    assert.equal((await claimDigest(ctx(), 'test-hub', '2026-W48', 'b')).claimed, false);
    temp.clock.advance(2);
    const second = await claimDigest(ctx(), 'test-hub', '2026-W48', 'b');
    assert.ok(first.claimed && second.claimed);
    assert.equal(second.lease.holder, 'b');
    assert.equal(await markDigestPosted(ctx(), first.lease, 'outbox-1'), false);
    assert.equal(await markDigestPosted(ctx(), second.lease, 'outbox-1'), true);
  });

  it('keeps each week and alliance apart', async () => {
    const claims = await Promise.all([['test-hub', '2026-W48'], ['test-hub', '2026-W49'], ['other-hub', '2026-W48']]
      .map(([alliance, week]) => claimDigest(ctx(), alliance, week, 'a')));
    assert.ok(claims.every((c) => c.claimed));
  });
});
