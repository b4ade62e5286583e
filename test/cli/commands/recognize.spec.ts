import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/s2s.cjs', import.meta.url));

// A real process through bin/s2s.cjs: the JSON-lines output is a contract for scripts.
describe('s2s recognize (command line)', function () {
  this.timeout(60_000);

  function recognizeLines(input: string): { status: number | null; lines: unknown[]; stderr: string } {
    const run = spawnSync(process.execPath, [BIN, 'recognize'], { input, encoding: 'utf8' });
    const lines = run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
    return { status: run.status, lines, stderr: run.stderr };
  }

  it('prints one JSON object per input line, with phase null when none, blank lines included', () => {
    const run = recognizeLines('find an SLE in maths\r\n\nwho can help with KS2 maths\nsubmt my vist report');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.lines, [
      { text: 'find an SLE in maths', intent: 'find_supporter', specialisms: ['maths'], phase: null },
      { text: '', intent: 'none', specialisms: [], phase: null },
      { text: 'who can help with KS2 maths', intent: 'find_supporter', specialisms: ['maths'], phase: 'primary' },
      { text: 'submt my vist report', intent: 'submit_visit_report', specialisms: [], phase: null },
    ]);
  });

  it('keeps the key order text, intent, specialisms, phase', () => {
    const run = spawnSync(process.execPath, [BIN, 'recognize'], { input: 'hi\n', encoding: 'utf8' });
    assert.equal(run.stdout, '{"text":"hi","intent":"help","specialisms":[],"phase":null}\n');
  });

  it('prints nothing for empty input', () => {
    const run = recognizeLines('');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.lines, []);
  });
});
