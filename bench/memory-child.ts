// Runs in its own process so its RSS is the bot's alone:
//   import DB_PATH PEOPLE_CSV   loads the generated directory into a fresh SQLite file
//   serve  DB_PATH              starts the bot on that file and runs search turns over HTTP
// Prints one JSON line with the peak RSS it saw.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { pino } from 'pino';
import { startApp } from '../bot/app.js';
import { systemClock } from '../services/clock.js';
import { loadConfig } from '../services/config/config.js';
import { importPeople } from '../services/directory/import-people.js';
import { importSchools } from '../services/directory/import-schools.js';
import { newAlliance } from '../services/domain/alliance.js';
import type { Person } from '../services/domain/person.js';
import { peopleWithEmail } from '../services/identity/email-index.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector.js';
import { percentile, postActivity } from './load.js';

export const BENCH_ALLIANCE = 'bench-10k';
export const BENCH_HEAD_AAD = 'bench-head-aad';
const SEARCHES = [
  'find an SLE in maths', 'who can help with SEND in KS3', 'find an expert in phonics for primary', 'find someone for early years',
  'find an NLE in curriculum leadership', 'find a supporter for behaviour in secondary', 'find an SLE in english', 'find someone for science',
];

let peak = process.memoryUsage().rss;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const sampler = setInterval(sample, 10);

async function load(dbPath: string, peopleCsv: string): Promise<Record<string, unknown>> {
  const store = new SqliteStore(dbPath);
  await store.create(newAlliance({ id: BENCH_ALLIANCE, name: 'Benchmark Alliance', now: new Date() }));
  const schoolsCsv = peopleCsv.replace(/\.csv$/, '.schools.csv');
  const started = performance.now();
  await importSchools(store, systemClock, BENCH_ALLIANCE, { fileName: schoolsCsv, text: readFileSync(schoolsCsv, 'utf8') });
  await importPeople(store, systemClock, BENCH_ALLIANCE, { fileName: peopleCsv, text: readFileSync(peopleCsv, 'utf8') });
  const [head] = await peopleWithEmail(store, 'person1@test-school-1.example');
  if (!head || head.role !== 'head') throw new Error('the generated directory has no head at person1');
  await store.replace<Person>({ ...head, teamsAadObjectId: BENCH_HEAD_AAD }, head._etag);
  const people = await store.query(BENCH_ALLIANCE, { type: 'person' });
  await store.close();
  return { people: people.length, importMs: Math.round(performance.now() - started) };
}

async function serve(dbPath: string): Promise<Record<string, unknown>> {
  const connector = new FakeBotConnector();
  await connector.start();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: dbPath, DEMO_SEED: 'off', LOG_LEVEL: 'silent', SCHEDULER: 'off' });
  const app = await startApp(config, { logger: pino({ level: 'silent' }), startOutbox: false });
  sample();
  const afterStart = process.memoryUsage().rss;
  const agent = new Agent({ keepAlive: true });
  const latencies: number[] = [];
  let turn = 0;
  // Three rounds of every search, five conversations at a time.
  const queue = [...SEARCHES, ...SEARCHES, ...SEARCHES, 'my requests', 'help'];
  await Promise.all(Array.from({ length: 5 }, async (_, c) => {
    for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
      const at = performance.now();
      const status = await postActivity(agent, app.url, {
        id: `m-${++turn}`, type: 'message', text, channelId: 'msteams', serviceUrl: connector.url,
        from: { id: '29:bench-head', name: 'Bench Head', aadObjectId: BENCH_HEAD_AAD }, recipient: { id: '28:s2s-bot' },
        conversation: { id: `a:memory-${c}`, conversationType: 'personal', tenantId: 't' }, channelData: { tenant: { id: 't' } },
      });
      latencies.push(performance.now() - at);
      sample();
      if (status !== 200) throw new Error(`search turn answered ${status}`);
      connector.clear();
    }
  }));
  latencies.sort((a, b) => a - b);
  agent.destroy();
  await app.close(1000);
  await connector.stop();
  return { turns: latencies.length, searchP50: Math.round(percentile(latencies, 0.5)), searchP95: Math.round(percentile(latencies, 0.95)), afterStartRss: afterStart };
}

const [mode, dbPath, peopleCsv] = process.argv.slice(2);
const details = mode === 'import' ? await load(dbPath, peopleCsv) : await serve(dbPath);
sample();
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({ mode, peakRss: peak, ...details })}\n`);
process.exit(0);
