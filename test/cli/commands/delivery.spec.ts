import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { alliance, person, seed } from '../../services/digest/digest-fixtures.js';
import { s2sIn, withStoreIn } from './run-cli.js';

describe('s2s delivery problems (command line)', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 's2s-cli-delivery-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists failed notifications as time, who, what and reason', async () => {
    await withStoreIn(dir, async (store) => {
      await seed(store, [alliance('riverside-hub', 'Riverside Hub'), person('riverside-hub', 'person-s1', 'Priya Shah')]);
      await store.create<OutboxMessage>({
        id: 'outbox-1', allianceId: 'riverside-hub', type: 'outbox', status: 'failed', attempts: 1,
        target: { kind: 'person', personId: 'person-s1' }, event: { kind: 'deploymentProposed', deploymentId: 'deployment-gone' },
        notBefore: '2025-03-04T09:00:00.000Z', createdAt: '2025-03-04T09:00:00.000Z',
        failedAt: '2025-03-04T09:00:01.000Z', failedReason: 'The user blocked the bot (HTTP 403)',
      });
    });
    const listed = s2sIn(dir, 'delivery', 'problems', '--alliance', 'riverside-hub');
    assert.equal(listed.status, 0, listed.stderr);
    assert.equal(listed.stdout, '2025-03-04T09:00:01.000Z\tPriya Shah\tproposed deployment to accept or decline\tThe user blocked the bot (HTTP 403)\n');
    const none = s2sIn(dir, 'delivery', 'problems', '--alliance', 'other-hub');
    assert.deepEqual([none.status, none.stdout, none.stderr], [0, '', 'No failed notifications for other-hub.\n']);
  });
});
