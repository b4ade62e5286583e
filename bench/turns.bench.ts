import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp } from '../bot/app.js';
import { loadConfig } from '../services/config/config.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../services/directory/seed-demo.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector.js';
import { countingStore } from '../test/helpers/counting-store.js';
import { startEchoBot } from './echo-bot.js';
import { percentile, runCell, type CellResult } from './load.js';

export interface TurnCell {
  bot: 'ours' | 'echo';
  intent: string;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  turnsPerSecond: number;
  failures: number;
  /** Store calls per measured turn (ours only). */
  storeCalls?: number;
  storeCallsByMethod?: Record<string, number>;
  /** Support requests in the store when the cell ran (earlier submit cells add them). */
  requestsStored?: number;
}

type Fields = (conversation: number, turn: number, concurrency: number) => Record<string, unknown>;

const HEAD = { id: '29:bench-head', name: 'Mark Davies', aadObjectId: DEMO_IDENTITIES.head.teamsAadObjectId };

function inAMonth(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

/** What each intent's turn looks like on the wire. */
export const INTENTS: Array<{ name: string; fields: Fields }> = [
  { name: 'help', fields: () => ({ type: 'message', text: 'help' }) },
  { name: 'find_supporter', fields: () => ({ type: 'message', text: 'find an SLE in maths' }) },
  { name: 'my_requests', fields: () => ({ type: 'message', text: 'my requests' }) },
  { name: 'request_support (show form)', fields: () => ({ type: 'message', text: 'I need to request support for maths' }) },
  {
    name: 'request_support (submit form)',
    fields: (c, t, level) => ({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'form-card',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'support-request.submit',
          data: {
            formId: 'support-request', submissionId: `bench-L${level}-C${c}-T${t < 0 ? `w${-t}` : t}`, specialisms: 'maths', phase: 'primary',
            need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
            outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.', daysWanted: '3', preferredStart: inAMonth(),
          },
        },
      },
    }),
  },
];

function activity(serviceUrl: string, conversationId: string, fields: Record<string, unknown>, turn: number): Record<string, unknown> {
  return {
    id: `bench-${turn}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: HEAD,
    recipient: { id: '28:s2s-bot', name: 'S2S' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...fields,
  };
}

function summarise(bot: TurnCell['bot'], intent: string, concurrency: number, result: CellResult): TurnCell {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    bot, intent, concurrency,
    p50: round(percentile(result.latencies, 0.5)),
    p95: round(percentile(result.latencies, 0.95)),
    p99: round(percentile(result.latencies, 0.99)),
    turnsPerSecond: Math.round((result.turns / result.wallMs) * 1000),
    failures: result.failures,
  };
}

/**
 * Turn latency over real HTTP to /api/messages, per intent and concurrency, for the bot and for a
 * bare echo bot measured the same way. Replies go to a fake Bot Connector on loopback.
 */
export async function benchTurns({ turnsPerCell = 200, levels = [1, 10, 50] } = {}): Promise<TurnCell[]> {
  const connector = new FakeBotConnector();
  await connector.start();
  const dir = mkdtempSync(join(tmpdir(), 's2s-bench-'));
  const counting = countingStore(new SqliteStore(join(dir, 'bench.db')));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'bench.db'), DEMO_SEED: 'on', LOG_LEVEL: 'silent', SCHEDULER: 'off' });
  const app = await startApp(config, { store: counting.store, logger: pino({ level: 'silent' }), startOutbox: false });
  const echo = await startEchoBot();
  const cells: TurnCell[] = [];
  try {
    // Unmeasured warm-up of both bots at the highest concurrency: the first burst of that many sockets
    // (to the bot and from it to the connector) costs hundreds of ms once per process, for either bot.
    const top = Math.max(...levels);
    await runCell(echo.url, top, top * 4, (c, t) => activity(connector.url, `a:warm-echo-${c}`, { type: 'message', text: 'hello' }, t));
    await runCell(app.url, top, top * 4, (c, t) => activity(connector.url, `a:warm-ours-${c}`, { type: 'message', text: 'help' }, t));
    connector.clear();
    for (const level of levels) {
      const echoResult = await runCell(echo.url, level, turnsPerCell,
        (c, t) => activity(connector.url, `a:echo-${level}-${c}`, { type: 'message', text: 'hello' }, t));
      cells.push(summarise('echo', 'echo', level, echoResult));
      connector.clear();
      for (const intent of INTENTS) {
        const requestsStored = (await counting.store.query(DEMO_ALLIANCE_ID, { type: 'supportRequest' })).length;
        const result = await runCell(app.url, level, turnsPerCell,
          (c, t) => activity(connector.url, `a:bench-${intent.name.replace(/\W+/g, '-')}-${level}-${c}`, intent.fields(c, t, level), t),
          () => counting.reset());
        const cell = { ...summarise('ours', intent.name, level, result), requestsStored };
        cell.storeCalls = Math.round((counting.total() / turnsPerCell) * 100) / 100;
        cell.storeCallsByMethod = Object.fromEntries(Object.entries(counting.counts()).map(([method, n]) => [method, Math.round((n / turnsPerCell) * 100) / 100]));
        cells.push(cell);
        connector.clear();
      }
    }
  } finally {
    await echo.close();
    await app.close(1000);
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return cells;
}
