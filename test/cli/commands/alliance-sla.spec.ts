import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { s2sIn } from './run-cli.js';

describe('s2s alliance sla (command line)', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 's2s-cli-sla-'));
    assert.equal(s2sIn(dir, 'alliance', 'add', '--id', 'riverside-hub', '--name', 'Riverside Hub').status, 0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the defaults, changes one stage and the escalation, and keeps the rest', async () => {
    const shown = s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub');
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /^decision\t2\t/m);
    assert.match(shown.stdout, /^answer\t3\t/m);
    assert.match(shown.stdout, /^auto-pass\toff\t/m);

    const changed = s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--stage', 'answer', '--days', '4', '--escalate-after', '3');
    assert.equal(changed.status, 0, changed.stderr);
    assert.match(changed.stdout, /^answer\t4\t/m);
    assert.match(changed.stdout, /^decision\t2\t/m);
    assert.match(changed.stdout, /^escalate-after\t3\t/m);
    assert.match(changed.stdout, /^auto-pass\toff\t/m, 'auto-pass stays off unless turned on');
  });

  it('turns auto-pass on and off, and refuses anything but on or off', async () => {
    assert.match(s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--auto-pass', 'on').stdout, /^auto-pass\ton\t/m);
    assert.match(s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--stage', 'answer', '--days', '2').stdout, /^auto-pass\ton\t/m);
    const wrong = s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--auto-pass', 'yes');
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stderr, /use on or off/);
    assert.match(s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--auto-pass', 'off').stdout, /^auto-pass\toff\t/m);
  });

  it('refuses an unknown stage, a stage without days and zero days, changing nothing', async () => {
    const unknown = s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--stage', 'lunch', '--days', '2');
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /choose a stage: decision, answer/);
    const alone = s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--stage', 'answer');
    assert.match(alone.stderr, /give a stage and its working days together/);
    const zero = s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub', '--stage', 'answer', '--days', '0');
    assert.match(zero.stderr, /at least 1 working day/);
    assert.match(s2sIn(dir, 'alliance', 'sla', '--id', 'riverside-hub').stdout, /^answer\t3\t/m);
  });
});
