import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildProcess } from '../helpers/child-process.js';

// `npm start` as a newcomer meets it: what to do next, a page at /, and one clear line for a busy port.
describe('npm start', function () {
  this.timeout(120_000);
  let dir: string;
  let first: ChildProcess;
  let port: number;
  const env = () => ({ HOST: '127.0.0.1', SQLITE_PATH: join(dir, 's2s.db'), SCHEDULER: 'off', S2S_MODE: 'local', LOG_LEVEL: 'info' });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-start-'));
    first = new ChildProcess('bot/main.ts', [], { ...env(), PORT: '0' });
    port = Number((await first.waitFor(/running at http:\/\/localhost:(\d+) /))[1]);
    await first.waitFor(/Stop with Ctrl-C\./);
  });

  after(async () => {
    await first?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the Playground command for each demo person, the health URL and where the data lives', () => {
    for (const role of ['head', 'manager', 'supporter']) {
      assert.match(first.stdout, new RegExp(`BOT_ENDPOINT=http://127\\.0\\.0\\.1:${port}/api/messages npm run playground -- ${role} `));
    }
    assert.match(first.stdout, /Mark Davies, head of Hawthorn Junior/);
    assert.match(first.stdout, new RegExp(`Health: http://localhost:${port}/healthz`));
    assert.ok(first.stdout.includes(`Data: ${join(dir, 's2s.db')}`), first.stdout);
  });

  it('writes log lines with ISO times', () => {
    assert.match(first.stdout, /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] INFO: School-to-school support bot ready$/m);
  });

  it('answers GET / with a short page saying the same', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const page = await response.text();
    assert.match(page, /<title>School-to-school support bot<\/title>/);
    assert.match(page, /npm run playground -- manager/);
    assert.match(page, /\/healthz/);
  });

  it('refuses a second start on the same port with one line naming the port and how to change it', async () => {
    const second = new ChildProcess('bot/main.ts', [], { ...env(), PORT: String(port) });
    assert.equal(await second.exitCode(), 1);
    assert.equal(second.stderr, `Port ${port} is already in use (is the bot already running?): stop what holds it, or choose another with PORT, e.g. PORT=${port + 1} npm start.\n`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200, 'the first bot is still serving');
  });
});
