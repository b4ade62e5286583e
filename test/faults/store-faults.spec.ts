import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEMO_ALLIANCE_ID } from '../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import type { OutboxMessage } from '../../services/notifications/outbox-message.js';
import { nextRequestReference } from '../../services/requests/request-reference.js';
import { CosmosStore } from '../../services/store/CosmosStore.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';
import type { DocumentStore } from '../../services/store/document-store.js';
import { startCosmosServer, type CosmosTestServer } from '../helpers/cosmos-server.js';
import { textOf } from '../helpers/fake-bot-connector.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, TeamsHarness } from '../helpers/teams-harness.js';
import { ThrottlingProxy } from './throttling-proxy.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../services/clock.js';

const head = demoTeamsUser('head');
const manager = demoTeamsUser('manager');

/** How many times the Bot Framework connector client sends one request when it keeps getting 5xx. */
const SDK_TRIES = 4;

const answers = {
  formId: 'support-request', specialisms: 'maths', phase: 'primary', daysWanted: '2', preferredStart: '2026-12-01',
  need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
  outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
};

async function submit(harness: TeamsHarness): Promise<{ status: number; reply: string; requestId: string }> {
  const submissionId = randomBytes(9).toString('base64url');
  const response = await harness.press(head, 'support-request.submit', { ...answers, submissionId }, 'form-card');
  return { status: response.status, reply: JSON.stringify(response.body), requestId: `request-${submissionId}` };
}

const cosmosConfig = (endpoint: string, server: CosmosTestServer, database: string) =>
  ({ kind: 'cosmos' as const, endpoint, key: server.key, database, container: 'documents' });

describe('faults: Cosmos answers 429 (throttled)', function () {
  this.timeout(60_000);
  let server: CosmosTestServer;
  let proxy: ThrottlingProxy;
  before(async () => {
    server = await startCosmosServer();
    proxy = new ThrottlingProxy(server.endpoint, 10);
    await proxy.start();
  });
  after(async () => { await proxy.stop(); await server.stop(); });

  it('retries a throttled write and read, honouring x-ms-retry-after-ms, until they succeed', async () => {
    const store = await CosmosStore.connect(cosmosConfig(proxy.url, server, 'throttled-store'), server.clientOptions);
    try {
      proxy.throttleNext = 3;
      const created = await store.create({ id: 'doc-1', allianceId: 'a-1', type: 'counter', next: 1 });
      assert.equal(proxy.throttled, 3, 'three 429s were answered before the write went through');
      proxy.throttleNext = 3;
      const read = await store.get<typeof created>('a-1', 'doc-1');
      assert.equal(proxy.throttled, 6);
      assert.equal(read?._etag, created._etag);
    } finally {
      await store.close();
    }
  });

  it('still completes a turn over /api/messages while the store is throttled', async () => {
    const harness = new TeamsHarness(() => CosmosStore.connect(cosmosConfig(proxy.url, server, 'throttled-bot'), server.clientOptions));
    await harness.start();
    try {
      harness.addMember(head);
      const before = proxy.throttled;
      proxy.throttleNext = 5;
      const { status, reply, requestId } = await submit(harness);
      assert.equal(status, 200);
      assert.match(reply, /S2S-2026-0001/);
      assert.equal(proxy.throttled - before, 5, 'the turn met five 429s');
      assert.equal((await harness.app.store.get<SupportRequest>(DEMO_ALLIANCE_ID, requestId))?.status, 'matching');
    } finally {
      await harness.stop();
    }
  });
});

describe('faults: etag conflicts on the reference counter', function () {
  this.timeout(60_000);
  // The load suite (test/load/concurrent-users.spec.ts) covers the same over HTTP with 50 in flight.
  const stores: Array<{ name: string; open(): Promise<{ store: DocumentStore; close(): Promise<void> }> }> = [
    {
      name: 'SQLite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 's2s-faults-'));
        const store = new SqliteStore(join(dir, 's2s.db'));
        return { store, async close() { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
    {
      name: 'Cosmos-protocol server',
      async open() {
        const server = await startCosmosServer();
        const store = await CosmosStore.connect(cosmosConfig(server.endpoint, server, 'counter'), server.clientOptions);
        return { store, async close() { await store.close(); await server.stop(); } };
      },
    },
  ];
  for (const { name, open } of stores) {
    it(`hands 50 concurrent submissions 50 unique, gap-free references on ${name}`, async () => {
      const { store, close } = await open();
      try {
        const clock = fixedClock('2026-11-23T10:00:00Z');
        const references = await Promise.all(Array.from({ length: 50 }, () => nextRequestReference(store, clock, 'alliance-x')));
        assert.deepEqual([...references].sort(), Array.from({ length: 50 }, (_, i) => `S2S-2026-${String(i + 1).padStart(4, '0')}`));
      } finally {
        await close();
      }
    });
  }
});

describe('faults: the Teams channel API fails or the bot restarts mid-flow (SQLite)', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  const outbox = () => harness.app.store.queryAllAlliances<OutboxMessage>({ type: 'outbox' });
  const managerCards = () => harness.connector.posted(BROKERAGE_CHANNEL.conversationId).filter((c) => /S2S-2026-\d{4}/.test(textOf(c)));

  before(async () => {
    await harness.start();
    harness.addMember(head);
    harness.addMember(manager);
    await harness.say(manager, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
  });
  after(() => harness.stop());

  for (const status of [504, 502]) {
    it(`keeps the manager card pending after a ${status} from the connector, and posts it on the next run`, async () => {
      const { requestId } = await submit(harness);
      harness.connector.clear();
      // The Bot Framework client retries a 5xx three times itself; the outbox sees the fourth failure.
      harness.connector.failNext = Array.from({ length: SDK_TRIES }, () => ({ status }));
      const first = await harness.app.outbox.runOnce();
      assert.equal(harness.connector.failNext.length, 0, 'every try reached the connector');
      assert.equal(first.retried, 1);
      const [message] = (await outbox()).filter((m) => m.event.kind === 'requestForManagers' && 'requestId' in m.event && m.event.requestId === requestId);
      assert.equal(message.status, 'pending', 'not lost, not failed');
      assert.equal(message.attempts, 1);
      assert.equal(managerCards().length, 0);

      harness.clock.set(new Date(Date.parse(message.notBefore) + 1));
      const second = await harness.app.outbox.runOnce();
      assert.equal(second.sent, 1);
      assert.equal(managerCards().length, 1, 'posted exactly once');
      const [after] = (await outbox()).filter((m) => m.id === message.id);
      assert.equal(after.status, 'sent');
    });
  }

  it('posts the manager card exactly once when the bot restarts between the submission and delivery', async () => {
    const { requestId } = await submit(harness);
    harness.connector.clear();
    await harness.restart();
    const pending = (await outbox()).filter((m) => m.status === 'pending');
    assert.equal(pending.length, 1, 'the notification survived the restart');
    await harness.app.outbox.runOnce();
    await harness.app.outbox.runOnce();
    const cards = managerCards();
    assert.equal(cards.length, 1, 'posted exactly once');
    const request = await harness.app.store.get<SupportRequest>(DEMO_ALLIANCE_ID, requestId);
    assert.match(textOf(cards[0]), new RegExp(request!.reference));
  });
});
