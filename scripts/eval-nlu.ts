// Measures the offline recogniser on the labelled set: accuracy, the misses, and the time per message.
// Run with `npm run eval:nlu`; pass another JSON-lines file to measure that instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, parseLabelledSet, type Evaluation } from '../services/nlu/evaluation.js';
import { recognize } from '../services/nlu/recognizer.js';
import type { Recognition } from '../services/nlu/types.js';

const TIMING_ROUNDS = 200;

const file = process.argv[2] ?? fileURLToPath(new URL('../test/services/nlu/utterances.jsonl', import.meta.url));
const examples = parseLabelledSet(readFileSync(file, 'utf8'));
const result = evaluate(examples, recognize);
printAccuracy(result);
printMisses(result);
printTiming(examples.map((example) => example.text));

function printAccuracy({ total, intentAccuracy, specialismAccuracy, phaseAccuracy, intentConfusions }: Evaluation): void {
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}% (${Math.round(fraction * total)}/${total})`;
  console.log(`Labelled set: ${file}`);
  console.log(`intent accuracy:     ${percent(intentAccuracy)}`);
  console.log(`specialism accuracy: ${percent(specialismAccuracy)}  (exact set match)`);
  console.log(`phase accuracy:      ${percent(phaseAccuracy)}`);
  console.log('\nintent confusions (expected → recognised):');
  if (intentConfusions.length === 0) console.log('  none');
  for (const { expected, actual, count } of intentConfusions) console.log(`  ${count} × ${expected} → ${actual}`);
}

function printMisses({ misses }: Evaluation): void {
  console.log(`\nmessages with any miss: ${misses.length}`);
  for (const { text, expected, actual } of misses) {
    console.log(`  ${JSON.stringify(text)}`);
    console.log(`    expected ${describe(expected)}\n    got      ${describe(actual)}`);
  }
}

function describe({ intent, specialisms, phase }: Recognition): string {
  return `${intent} [${specialisms.join(', ')}] ${phase ?? '-'}`;
}

/** Times each call separately over many rounds, after a warm-up, for a mean and a 99th percentile. */
function printTiming(texts: readonly string[]): void {
  for (const text of texts) recognize(text);
  const micros: number[] = [];
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    for (const text of texts) {
      const start = process.hrtime.bigint();
      recognize(text);
      micros.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  micros.sort((a, b) => a - b);
  const mean = micros.reduce((sum, value) => sum + value, 0) / micros.length;
  const p99 = micros[Math.min(micros.length - 1, Math.floor(micros.length * 0.99))];
  console.log(`\ntime per message over ${micros.length} calls: mean ${mean.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs`);
}
