import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../services/config/config.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';

// Local mode has no sign-in and its demo people are public, so it must not be reachable from the network.

/** A non-loopback IPv4 address of this machine, if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

describe('security: local mode', function () {
  this.timeout(20_000);
  let dir: string;
  const apps: RunningApp[] = [];
  const logLines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'warn' }, new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)) as { level: number; msg: string });
      done();
    },
  }));

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 's2s-local-'));
  });
  after(async () => {
    for (const app of apps) await app.close(500);
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: NodeJS.ProcessEnv): Promise<RunningApp> {
    const config = loadConfig({ PORT: '0', SCHEDULER: 'off', DEMO_SEED: 'off', ...env });
    const app = await startApp(config, { store: new SqliteStore(join(dir, `${apps.length}.db`)), logger, startOutbox: false });
    apps.push(app);
    return app;
  }

  it('listens on 127.0.0.1 by default, so another machine cannot reach it', async () => {
    logLines.length = 0;
    const app = await start({});
    assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
    const lan = lanAddress();
    if (lan) await assert.rejects(fetch(`http://${lan}:${app.port}/healthz`), 'the LAN address must refuse the connection');
    assert.deepEqual(logLines.filter((l) => /no sign-in/.test(l.msg)), []);
  });

  it('warns in the log when HOST opens it beyond loopback', async () => {
    logLines.length = 0;
    await start({ HOST: '0.0.0.0' });
    const warning = logLines.find((l) => l.level === 40 && /Local mode has no sign-in/.test(l.msg));
    assert.ok(warning, JSON.stringify(logLines));
    assert.match(warning.msg, /HOST=127\.0\.0\.1/);
  });

  it('production still listens on every interface by default (a container needs it)', () => {
    const config = loadConfig({ S2S_MODE: 'production', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b', MICROSOFT_APP_TENANT_ID: 't', COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/',
      WORKSPACE_URL: 'https://s2s.example/', WORKSPACE_SESSION_SECRET: 'a'.repeat(40) });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(loadConfig({}).host, '127.0.0.1');
  });

  it('answers malformed JSON and unknown paths without parser or stack text', async () => {
    const app = apps[0]!;
    const bad = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", oops' });
    const badText = await bad.text();
    assert.equal(bad.status, 400);
    assert.doesNotMatch(badText, /Unexpected|JSON at position|SyntaxError|at [A-Za-z]+ \(/);
    const missing = await fetch(`${app.url}/etc/passwd`);
    assert.equal(missing.status, 404);
    assert.doesNotMatch(await missing.text(), /passwd|does not exist/);
  });
});
