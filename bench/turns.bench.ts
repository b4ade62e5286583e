// Turn latency per intent against a bare botbuilder echo bot, on a generated alliance (issue 16:
// 10,000 people and 10,000 requests stored by default).
//   npx tsx bench/turns.bench.ts   BENCH_TURNS=400  BENCH_LEVELS=1,10,50  BENCH_TURN_SIZE=10000:10000 (people:requests)
import { pathToFileURL } from 'node:url';
import type { GeneratedSpeakers } from '../scripts/generate-directory.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { TeamsHarness, type Place } from '../test/helpers/teams-harness.js';
import { benchIntents, benchSpeaker, generateHub } from './bench-alliance.js';
import { startEchoBot } from './echo-bot.js';
import { postMatchFixtures } from './post-match-fixtures.js';
import { percentile, runCell, WARM_UP_TURNS, type CellResult } from './load.js';

const ALLIANCE = 'bench-hub';

export interface TurnCell {
  bot: 'ours' | 'echo';
  intent: string;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  turnsPerSecond: number;
  failures: number;
}

export interface TurnLatency {
  people: number;
  /** Support requests stored when the first cell ran (later submit cells add to them). */
  requests: number;
  cells: TurnCell[];
}

function summarise(bot: TurnCell['bot'], intent: string, concurrency: number, result: CellResult): TurnCell {
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stderr.write(`  ${intent} @ ${concurrency}: p50 ${round(percentile(result.latencies, 0.5))} ms\n`);
  return {
    bot, intent, concurrency,
    p50: round(percentile(result.latencies, 0.5)),
    p95: round(percentile(result.latencies, 0.95)),
    p99: round(percentile(result.latencies, 0.99)),
    turnsPerSecond: Math.round((result.turns / result.wallMs) * 1000),
    failures: result.failures,
  };
}

/** A personal conversation per concurrent sender, so turns in flight never share a conversation. */
function conversation(name: string, level: number, c: number): Place {
  return { conversationId: `a:bench-${name.replace(/\W+/g, '-')}-${level}-${c}`, scope: 'personal' };
}

/**
 * Turn latency over real HTTP to /api/messages, per intent and concurrency, for the bot serving a
 * generated alliance of `people` people and `requests` requests, and for a bare echo bot measured the
 * same way. Replies go to a fake Bot Connector on loopback.
 */
export async function benchTurns({ turnsPerCell = 200, levels = [1, 10, 50], people = 10_000, requests = 10_000 } = {}): Promise<TurnLatency> {
  // Every turn that acts on a fixture (a request to hold, a plan to confirm, a visit to report) needs its own.
  const turnsPerIntent = levels.reduce((sum, level) => sum + level * WARM_UP_TURNS + turnsPerCell, 0);
  let speakers!: GeneratedSpeakers;
  const harness = new TeamsHarness(async (path) => {
    // Written and closed first, as an import before a restart: the bot opens a file that holds the alliance.
    const seeding = new SqliteStore(path);
    speakers = await generateHub(seeding, ALLIANCE, people, requests);
    await seeding.upsertAll(postMatchFixtures(ALLIANCE, speakers, turnsPerIntent));
    await seeding.close();
    return new SqliteStore(path);
  });
  harness.brokerInBackground = true;
  await harness.start();
  const stored = await harness.app.store.query(ALLIANCE, { type: 'supportRequest' });
  const echo = await startEchoBot();
  const head = benchSpeaker(ALLIANCE, speakers, 'head');
  const intents = benchIntents(ALLIANCE);
  const cells: TurnCell[] = [];
  try {
    // Unmeasured warm-up of both bots at the highest concurrency: the first burst of that many sockets
    // (to the bot and from it to the connector) costs hundreds of ms once per process, for either bot.
    const top = Math.max(...levels);
    await runCell(echo.url, top, top * 4, (c) => harness.activity(head, conversation('warm-echo', top, c), { type: 'message', text: 'hello' }));
    await runCell(harness.app.url, top, top * 4, (c) => harness.activity(head, conversation('warm-ours', top, c), { type: 'message', text: 'help' }));
    harness.connector.clear();
    const next = new Map(intents.map((intent) => [intent.name, 0]));
    for (const level of levels) {
      const echoResult = await runCell(echo.url, level, turnsPerCell,
        (c) => harness.activity(head, conversation('echo', level, c), { type: 'message', text: 'hello' }));
      cells.push(summarise('echo', 'echo', level, echoResult));
      harness.connector.clear();
      for (const intent of intents) {
        const user = benchSpeaker(ALLIANCE, speakers, intent.speaker);
        const result = await runCell(harness.app.url, level, turnsPerCell, (c) => {
          const n = next.get(intent.name)!;
          next.set(intent.name, n + 1);
          return harness.activity(user, intent.place ?? conversation(intent.name, level, c), intent.fields(n));
        });
        cells.push(summarise('ours', intent.name, level, result));
        await harness.app.broker?.idle();
        harness.connector.clear();
      }
    }
  } finally {
    await echo.close();
    await harness.stop();
  }
  return { people, requests: stored.length, cells };
}

export function turnSize(): [number, number] {
  const [people, requests] = (process.env.BENCH_TURN_SIZE ?? '10000:10000').split(':').map(Number);
  return [people, requests];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [people, requests] = turnSize();
  const started = performance.now();
  const latency = await benchTurns({
    turnsPerCell: Number(process.env.BENCH_TURNS ?? 400), levels: (process.env.BENCH_LEVELS ?? '1,10,50').split(',').map(Number), people, requests,
  });
  const echo = (level: number) => latency.cells.find((c) => c.bot === 'echo' && c.concurrency === level)!;
  console.table(latency.cells.map((c) => ({ ...c, 'ours/echo p50': (c.p50 / echo(c.concurrency).p50).toFixed(2) })));
  console.log(`${latency.people} people, ${latency.requests} requests stored; ${Math.round((performance.now() - started) / 1000)} s`);
  process.exit(0);
}
