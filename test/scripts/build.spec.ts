import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChildProcess, productionStart, ROOT } from '../helpers/child-process.js';

// Production runs the compiled build: what `npm run build` leaves in dist/ must start and serve on its own.
describe('npm run build, then npm run start:prod', function () {
  this.timeout(300_000);
  let dir: string;
  let bot: ChildProcess;
  let port: number;

  before(async () => {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), 's2s-build-'));
    bot = new ChildProcess('dist/bot/main.js', [], { HOST: '127.0.0.1', PORT: '0', SQLITE_PATH: join(dir, 's2s.db'), SCHEDULER: 'off', S2S_MODE: 'local', LOG_LEVEL: 'info' }, productionStart());
    port = Number((await bot.waitFor(/running at http:\/\/localhost:(\d+) /))[1]);
  });

  after(async () => {
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs compiled JavaScript with no TypeScript loader', () => {
    assert.ok(productionStart().some((arg) => arg.endsWith(join('dist', 'bot', 'main.js'))));
    assert.ok(!productionStart().some((arg) => /tsx/.test(arg)));
  });

  it('loads the demo alliance from the CSVs copied into dist/ and answers /healthz', async () => {
    assert.match(bot.stdout, /the demo alliance "Riverside Teaching School Hub" was loaded/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
  });

  it("serves the workspace's browser scripts copied into dist/", async () => {
    const script = await fetch(`http://127.0.0.1:${port}/workspace/static/teams-sign-in.js`);
    assert.equal(script.status, 200);
    assert.ok((await script.text()).length > 0);
  });
});
