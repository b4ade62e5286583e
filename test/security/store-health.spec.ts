import { strict as assert } from 'node:assert';
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../services/config/config.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';

// The store file damaged, replaced or deleted under a running bot: /healthz says so (503), without
// the path or driver text, and the log says what happened.
describe('security: /healthz when the store file goes wrong under a running bot', function () {
  this.timeout(30_000);
  let dir: string;
  let app: RunningApp;
  let path: string;
  const logLines: string[] = [];
  const logger = pino({ level: 'error' }, new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } }));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-health-'));
    path = join(dir, 's2s.db');
    app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', SCHEDULER: 'off' }), { store: new SqliteStore(path), logger, startOutbox: false });
  });
  afterEach(async () => {
    await app.close(500);
    rmSync(dir, { recursive: true, force: true });
  });

  async function health(): Promise<{ status: number; text: string }> {
    const response = await fetch(`${app.url}/healthz`);
    return { status: response.status, text: await response.text() };
  }

  it('answers 503 once the file is replaced by a damaged one', async () => {
    assert.equal((await health()).status, 200);
    const damaged = join(dir, 'damaged.db');
    writeFileSync(damaged, 'not a database '.repeat(500));
    renameSync(damaged, path);
    const answer = await health();
    assert.equal(answer.status, 503);
    assert.deepEqual(JSON.parse(answer.text), { status: 'store unavailable', store: { ok: false, kind: 'sqlite' } });
    assert.doesNotMatch(answer.text, /s2s\.db|s2s-health/, 'no path in the answer');
    assert.ok(logLines.some((line) => /replaced or deleted while the bot had it open/.test(line)), 'the log says what happened');
  });

  it('answers 503 once the file is deleted', async () => {
    unlinkSync(path);
    assert.equal((await health()).status, 503);
  });
});
