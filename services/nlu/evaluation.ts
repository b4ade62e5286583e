import { isPhase, type Phase } from '../domain/phases.js';
import { isSpecialism, type Specialism } from '../domain/specialisms.js';
import { isIntent, type Intent, type Recognition } from './types.js';

/** One line of a labelled set: a message and what it should be recognised as. */
export interface LabelledUtterance extends Recognition {
  text: string;
}

export interface Miss {
  text: string;
  expected: Recognition;
  actual: Recognition;
}

export interface Evaluation {
  total: number;
  /** Fractions from 0 to 1. Specialisms count as right only when the whole set matches. */
  intentAccuracy: number;
  specialismAccuracy: number;
  phaseAccuracy: number;
  /** "expected → actual" intent pairs with how often each happened, most frequent first. */
  intentConfusions: Array<{ expected: Intent; actual: Intent; count: number }>;
  misses: Miss[];
}

/** Reads JSON lines of {text, intent, specialisms, phase}, failing loudly on a bad label. */
export function parseLabelledSet(jsonl: string): LabelledUtterance[] {
  return jsonl
    .split('\n')
    .map((line, index) => [line, index + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, lineNumber]) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      const { text, intent, specialisms, phase } = row;
      const valid =
        typeof text === 'string' &&
        typeof intent === 'string' && isIntent(intent) &&
        Array.isArray(specialisms) && specialisms.every((s) => typeof s === 'string' && isSpecialism(s)) &&
        (phase === null || (typeof phase === 'string' && isPhase(phase)));
      if (!valid) throw new Error(`Labelled set line ${lineNumber} is not a valid utterance: ${line}`);
      return { text, intent, specialisms: specialisms as Specialism[], phase: phase as Phase | null };
    });
}

export function evaluate(examples: readonly LabelledUtterance[], recognise: (text: string) => Recognition): Evaluation {
  let intents = 0;
  let specialisms = 0;
  let phases = 0;
  const misses: Miss[] = [];
  const confusions = new Map<string, { expected: Intent; actual: Intent; count: number }>();
  for (const { text, ...expected } of examples) {
    const actual = recognise(text);
    const intentRight = actual.intent === expected.intent;
    const specialismsRight = sameSet(actual.specialisms, expected.specialisms);
    const phaseRight = actual.phase === expected.phase;
    intents += Number(intentRight);
    specialisms += Number(specialismsRight);
    phases += Number(phaseRight);
    if (!intentRight) {
      const key = `${expected.intent}>${actual.intent}`;
      const entry = confusions.get(key) ?? { expected: expected.intent, actual: actual.intent, count: 0 };
      confusions.set(key, { ...entry, count: entry.count + 1 });
    }
    if (!(intentRight && specialismsRight && phaseRight)) misses.push({ text, expected, actual });
  }
  const total = examples.length;
  return {
    total,
    intentAccuracy: intents / total,
    specialismAccuracy: specialisms / total,
    phaseAccuracy: phases / total,
    intentConfusions: [...confusions.values()].sort((a, b) => b.count - a.count),
    misses,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}
