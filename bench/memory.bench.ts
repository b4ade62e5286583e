import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { productionStart } from '../test/helpers/child-process.js';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector.js';
import { percentile, postActivity } from './load.js';
import { BENCH_HEAD_AAD } from './memory-ids.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILED_BOT = join(ROOT, 'dist/bot/main.js');

const SEARCHES = [
  'find an SLE in maths', 'who can help with SEND in KS3', 'find an expert in phonics for primary', 'find someone for early years',
  'find an NLE in curriculum leadership', 'find a supporter for behaviour in secondary', 'find an SLE in english', 'find someone for science',
];

export interface MemoryResult {
  people: number;
  /** Peak RSS of the compiled bot serving search turns over the directory (the target's figure). */
  servePeakMb: number;
  /** RSS once the bot had started, before the first turn. */
  afterStartMb: number;
  /** RSS after its first search turn. */
  afterTurnMb: number;
  /** Peak RSS of the process importing the directory from CSV (the CLI, not the bot). */
  importPeakMb: number;
  importMs: number;
  searchP50: number;
  searchP95: number;
  turns: number;
}

const mb = (kb: number) => Math.round(kb / 1024);

/** Resident and peak resident memory of a process, in KB, from Linux's /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => get(`${url}/healthz`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false)));
}

/**
 * Peak RSS of the production build, started as `npm run start:prod` starts it (built by `npm run build`), serving a
 * generated directory (scripts/make-people-csv.ts): imported in one process, served by another.
 */
export async function benchMemory(people = 10_000): Promise<MemoryResult> {
  if (!existsSync(COMPILED_BOT)) throw new Error('dist/bot/main.js is missing: run `npm run build` first (`npm run bench` does)');
  const dir = mkdtempSync(join(tmpdir(), 's2s-memory-'));
  const connector = new FakeBotConnector();
  try {
    const csv = join(dir, 'people.csv');
    await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-people-csv.ts'), String(people), csv], { cwd: ROOT });
    const db = join(dir, 'bench.db');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/memory-child.ts'), db, csv], { cwd: ROOT, maxBuffer: 1 << 20 });
    const imported = JSON.parse(stdout.trim().split('\n').at(-1)!) as { people: number; peakRss: number; importMs: number };
    await connector.start();
    const port = await freePort();
    const bot = spawn(process.execPath, productionStart(), {
      cwd: dir, stdio: 'ignore',
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: db, DEMO_SEED: 'off', LOG_LEVEL: 'silent', SCHEDULER: 'off', S2S_MODE: 'local' },
    });
    const exited = new Promise((resolve) => bot.once('exit', resolve));
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let waited = 0; !(await healthy(url)); waited += 50) {
        if (waited > 60_000 || bot.exitCode !== null) throw new Error('the compiled bot did not start');
        await sleep(50);
      }
      const afterStart = memoryOf(bot.pid!).rss;
      const served = await searchTurns(url, connector, () => memoryOf(bot.pid!).rss);
      return {
        people: imported.people,
        servePeakMb: mb(memoryOf(bot.pid!).peak),
        afterStartMb: mb(afterStart),
        afterTurnMb: mb(served.afterFirstTurn),
        importPeakMb: Math.round(imported.peakRss / 1024 / 1024),
        importMs: imported.importMs,
        searchP50: Math.round(percentile(served.latencies, 0.5)),
        searchP95: Math.round(percentile(served.latencies, 0.95)),
        turns: served.latencies.length,
      };
    } finally {
      bot.kill('SIGTERM');
      await exited;
    }
  } finally {
    await connector.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Three rounds of every search, then "my requests" and "help", five conversations at a time. */
async function searchTurns(url: string, connector: FakeBotConnector, rss: () => number): Promise<{ latencies: number[]; afterFirstTurn: number }> {
  const agent = new Agent({ keepAlive: true });
  const latencies: number[] = [];
  let afterFirstTurn = 0;
  let turn = 0;
  const queue = [...SEARCHES, ...SEARCHES, ...SEARCHES, 'my requests', 'help'];
  await Promise.all(Array.from({ length: 5 }, async (_, c) => {
    for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
      const at = performance.now();
      const status = await postActivity(agent, url, {
        id: `m-${++turn}`, type: 'message', text, channelId: 'msteams', serviceUrl: connector.url,
        from: { id: '29:bench-head', name: 'Bench Head', aadObjectId: BENCH_HEAD_AAD }, recipient: { id: '28:s2s-bot' },
        conversation: { id: `a:memory-${c}`, conversationType: 'personal', tenantId: 't' }, channelData: { tenant: { id: 't' } },
      });
      latencies.push(performance.now() - at);
      afterFirstTurn ||= rss();
      if (status !== 200) throw new Error(`search turn answered ${status}`);
      connector.clear();
    }
  }));
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), afterFirstTurn };
}
