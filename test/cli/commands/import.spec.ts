import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csv, PEOPLE_HEADER, TWO_SCHOOLS } from '../../services/directory/temp-store.js';

const BIN = fileURLToPath(new URL('../../../bin/s2s.cjs', import.meta.url));

// Real processes through bin/s2s.cjs, as an admin runs them: exit codes and messages are the interface.
describe('s2s import (command line)', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 's2s-cli-'));
    writeFileSync(join(dir, 'schools.csv'), TWO_SCHOOLS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs in the temp directory so no developer's env/.env.local is read; the store is a file there. */
  function s2s(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    return spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SQLITE_PATH: join(dir, 'store.db'), COSMOS_ENDPOINT: '' },
    });
  }

  function setUpAlliance(): void {
    assert.equal(s2s('alliance', 'add', '--id', 'test-hub', '--name', 'Test Hub').status, 0);
    assert.equal(s2s('import', 'schools', 'schools.csv', '--alliance', 'test-hub').status, 0);
  }

  it('exits 1 on a bad file, lists each problem as file:line: column: message, and writes nothing', () => {
    setUpAlliance();
    writeFileSync(join(dir, 'people.csv'), csv(
      PEOPLE_HEADER,
      'fine@example.org,Fine Person,supporter,990001,SLE,maths,primary,10,,',
      'not-an-email,Bad Email,supporter,990001,SLE,maths,primary,10,,',
      'elsewhere@example.org,Wrong School,head,123456,,,,,,',
    ));

    const run = s2s('import', 'people', 'people.csv', '--alliance', 'test-hub');
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, [
      'Nothing was imported: people.csv has 2 problems.',
      '  people.csv:3: email: not an email address',
      '  people.csv:4: base_school_urn: no school with URN 123456 in alliance test-hub; import the schools file first',
      '',
    ].join('\n'));
    assert.equal(s2s('export', 'people', '--alliance', 'test-hub').stdout, `${PEOPLE_HEADER},contact_directly\n`);
  });

  it('imports a good file, reports on stderr, and exports it back on stdout', () => {
    setUpAlliance();
    const people = csv(PEOPLE_HEADER, 'priya@example.org,Priya Shah,supporter,990001,SLE,maths;send,primary,15,aad-priya,U0PRIYA');
    writeFileSync(join(dir, 'people.csv'), people);

    const run = s2s('import', 'people', 'people.csv', '--alliance', 'test-hub');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /people\.csv: no problems found; writing…\nImported people\.csv into test-hub: 1 new people, 0 updated \(\d+\.\d s\)\.\n$/);
    // Export adds the optional contact_directly column, empty for the default.
    assert.equal(s2s('export', 'people', '--alliance', 'test-hub').stdout, csv(`${PEOPLE_HEADER},contact_directly`, 'priya@example.org,Priya Shah,supporter,990001,SLE,maths;send,primary,15,aad-priya,U0PRIYA,'));
  });

  it('exits 1 with a clear message for an unknown alliance or a missing file', () => {
    const unknown = s2s('import', 'schools', 'schools.csv', '--alliance', 'nowhere');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /There is no alliance "nowhere"\. Create it first: npx s2s alliance add --id nowhere/);

    setUpAlliance();
    const missing = s2s('import', 'people', 'missing.csv', '--alliance', 'test-hub');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Cannot read missing\.csv: ENOENT/);
  });

  it('says an alliance exists when it is added twice, and lists it once', () => {
    setUpAlliance();
    const again = s2s('alliance', 'add', '--id', 'test-hub', '--name', 'Another');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /Alliance "test-hub" already exists\./);
    assert.equal(s2s('alliance', 'list').stdout, 'test-hub\tTest Hub\t\n');
  });
});
