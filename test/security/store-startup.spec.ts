import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../bot/main.ts', import.meta.url));

// A corrupt store file: the real bot process stops with a sentence naming SQLITE_PATH and what to do.
describe('security: a damaged SQLite file at start-up', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 's2s-corrupt-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 naming SQLITE_PATH and what to do, with no stack trace', () => {
    const path = join(dir, 'broken.db');
    writeFileSync(path, 'this is not a database '.repeat(400));
    const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
      encoding: 'utf8', timeout: 50_000,
      env: { ...process.env, SQLITE_PATH: path, PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: 'off', COSMOS_ENDPOINT: '', S2S_MODE: 'local' },
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /SQLITE_PATH \(.*broken\.db\): it is not a readable SQLite database; restore it from a backup/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
