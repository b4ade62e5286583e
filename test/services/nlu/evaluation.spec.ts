import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { evaluate, parseLabelledSet, type LabelledUtterance } from '../../../services/nlu/evaluation.js';
import { recognize } from '../../../services/nlu/recognizer.js';
import { INTENTS } from '../../../services/nlu/types.js';

const LABELLED_SET = new URL('./utterances.jsonl', import.meta.url);

// The labelled set: realistic messages from heads, supporters and managers, with typos, jargon and
// out-of-scope chatter. Labels say what a person means; the phase is the one a message names, even
// in an out-of-scope message. `npm run eval:nlu` prints the figures and the misses.
describe('recogniser on the labelled set', () => {
  const examples = parseLabelledSet(readFileSync(LABELLED_SET, 'utf8'));
  const result = evaluate(examples, recognize);

  it('has at least 200 utterances covering every intent', () => {
    assert.ok(examples.length >= 200, `${examples.length} utterances`);
    const intents = new Set(examples.map((example) => example.intent));
    assert.deepEqual([...intents].sort(), [...INTENTS].sort());
  });

  it('gets each intent right as often as the others: at least 90% of its examples, diagnostics and joining included', () => {
    for (const intent of INTENTS) {
      const own = examples.filter((example) => example.intent === intent);
      const right = own.filter((example) => recognize(example.text).intent === intent).length;
      assert.ok(right / own.length >= 0.9, `${intent}: ${right} of ${own.length}`);
    }
  });

  it('gets at least 95% of intents right', () => {
    assert.ok(result.intentAccuracy >= 0.95, `intent accuracy ${result.intentAccuracy}`);
  });

  it('gets at least 90% of specialism sets and of phases right', () => {
    assert.ok(result.specialismAccuracy >= 0.9, `specialism accuracy ${result.specialismAccuracy}`);
    assert.ok(result.phaseAccuracy >= 0.9, `phase accuracy ${result.phaseAccuracy}`);
  });
});

describe('evaluate', () => {
  const labelled = (text: string, intent: LabelledUtterance['intent'], specialisms: LabelledUtterance['specialisms']): LabelledUtterance =>
    ({ text, intent, specialisms, phase: null });

  it('scores each field on its own, compares specialisms as sets, and tallies confusions', () => {
    const examples = [labelled('a', 'help', ['maths', 'english']), labelled('b', 'help', ['maths']), labelled('c', 'none', [])];
    const result = evaluate(examples, (text) => ({
      intent: text === 'a' ? 'help' : 'find_supporter',
      specialisms: text === 'a' ? ['english', 'maths'] : [],
      phase: null,
    }));
    assert.equal(result.intentAccuracy, 1 / 3);
    assert.equal(result.specialismAccuracy, 2 / 3);
    assert.equal(result.phaseAccuracy, 1);
    assert.deepEqual(result.intentConfusions, [
      { expected: 'help', actual: 'find_supporter', count: 1 },
      { expected: 'none', actual: 'find_supporter', count: 1 },
    ]);
    assert.deepEqual(result.misses.map((miss) => miss.text), ['b', 'c']);
  });
});

describe('parseLabelledSet', () => {
  it('reads JSON lines and skips blank ones', () => {
    const parsed = parseLabelledSet('{"text":"hi","intent":"help","specialisms":[],"phase":null}\n\n');
    assert.deepEqual(parsed, [{ text: 'hi', intent: 'help', specialisms: [], phase: null }]);
  });

  it('names the line of a label that is not a known intent, specialism or phase', () => {
    assert.throws(() => parseLabelledSet('{"text":"x","intent":"help","specialisms":["numeracy"],"phase":null}'), /line 1/);
    assert.throws(() => parseLabelledSet('\n{"text":"x","intent":"greet","specialisms":[],"phase":null}'), /line 2/);
    assert.throws(() => parseLabelledSet('{"text":"x","intent":"help","specialisms":[],"phase":"ks2"}'), /line 1/);
  });
});
