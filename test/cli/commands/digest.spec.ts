import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import type { SqliteStore } from '../../../services/store/SqliteStore.js';
import { alliance, request, seed } from '../../services/digest/digest-fixtures.js';
import { s2sIn, withStoreIn } from './run-cli.js';

// Real processes through bin/s2s.cjs, as an external scheduler or an admin runs them.
describe('s2s digest (command line)', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 's2s-cli-digest-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const s2s = (...args: string[]) => s2sIn(dir, ...args);
  const withStore = <R>(work: (store: SqliteStore) => Promise<R>) => withStoreIn(dir, work);

  it('prints a week as text with --dry-run and queues nothing', async () => {
    await withStore((store) => seed(store, [
      alliance('riverside-hub', 'Riverside Hub'),
      request('riverside-hub', 1, 'maths', [['2025-03-04T09:00:00Z', 'submitted'], ['2025-03-04T09:00:00Z', 'declined']]),
    ]));
    const busy = s2s('digest', '--alliance', 'riverside-hub', '--week', '2025-W10', '--dry-run');
    assert.equal(busy.status, 0, busy.stderr);
    assert.match(busy.stdout, /^Weekly digest for Riverside Hub, week 2025-W10 \(3–9 Mar 2025\)\nNew requests: 1 \(Maths 1\)\n/);
    const quiet = s2s('digest', '--alliance', 'riverside-hub', '--week', '2025-W11', '--dry-run');
    assert.match(quiet.stdout, /^Weekly digest for Riverside Hub, week 2025-W11 \(10–16 Mar 2025\): a quiet week[^\n]*\n$/);
    assert.deepEqual(await withStore((store) => store.queryAllAlliances({ type: 'outbox' })), []);
  });

  it('queues the digest once for the manager channel, and says so', async () => {
    await withStore((store) => seed(store, [alliance('riverside-hub', 'Riverside Hub')]));
    const first = s2s('digest', '--alliance', 'riverside-hub', '--week', '2025-W10');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /^Queued the 2025-W10 digest of riverside-hub for its manager channel \(outbox-[0-9a-f]{24}\); the bot's delivery loop posts it\.\n$/);
    const again = s2s('digest', '--alliance', 'riverside-hub', '--week', '2025-W10');
    assert.match(again.stderr, /was already queued/);
    const queued = await withStore((store) => store.queryAllAlliances<OutboxMessage>({ type: 'outbox' }));
    assert.deepEqual(queued.map((m) => m.event), [{ kind: 'weeklyDigest', allianceId: 'riverside-hub', week: '2025-W10' }]);
  });

  it('exits 1 for a malformed week or an alliance with no manager channel', async () => {
    await withStore((store) => seed(store, [alliance('unlinked-hub', 'Unlinked Hub', false)]));
    const malformed = s2s('digest', '--alliance', 'unlinked-hub', '--week', '2025-10', '--dry-run');
    assert.equal(malformed.status, 1);
    assert.match(malformed.stderr, /week: "2025-10" is not an ISO week; use one such as 2026-W48/);
    const unlinked = s2s('digest', '--alliance', 'unlinked-hub', '--week', '2025-W10');
    assert.equal(unlinked.status, 1);
    assert.match(unlinked.stderr, /unlinked-hub has no manager channel connected yet/);
  });
});
