import type { Phase } from '../domain/phases.js';
import type { Specialism } from '../domain/specialisms.js';
import type { Meaning } from './phrase-index.js';
import { tokenize } from './tokenize.js';
import type { Intent, Recognition } from './types.js';
import { buildVocabulary } from './vocabulary-index.js';
import { ENTITY_ONLY_INTENT, MIN_SCORE, SILENCED_BY_ENTITY, TIE_ORDER } from './vocabulary/intents.js';

export type { Intent, Recognition } from './types.js';

// Built once: recognising a message then only reads these tables.
const vocabulary = buildVocabulary();

/**
 * What a message from Teams or Slack asks for, and the specialisms and phase it names. Works offline,
 * deterministically, in microseconds. An empty, emoji-only or unrelated message is `none`.
 */
export function recognize(text: string): Recognition {
  const tokens = vocabulary.speller.correct(tokenize(text));
  const meanings = vocabulary.phrases.find(tokens);
  const specialisms = unique(meanings.flatMap((m) => (m.kind === 'specialism' ? [m.specialism] : [])));
  const phase = resolvePhase(meanings);
  return { intent: chooseIntent(meanings, specialisms.length > 0 || phase !== null), specialisms, phase };
}

function chooseIntent(meanings: readonly Meaning[], namesEntity: boolean): Intent {
  const scores = new Map<Intent, number>();
  for (const meaning of meanings) {
    if (meaning.kind !== 'cue' || (namesEntity && SILENCED_BY_ENTITY.includes(meaning.intent))) continue;
    scores.set(meaning.intent, (scores.get(meaning.intent) ?? 0) + meaning.weight);
  }
  let best: Intent | undefined;
  let bestScore = 0;
  for (const intent of TIE_ORDER) {
    const score = scores.get(intent) ?? 0;
    if (score >= MIN_SCORE && score > bestScore) [best, bestScore] = [intent, score];
  }
  return best ?? (namesEntity ? ENTITY_ONLY_INTENT : 'none');
}

/** Settings beat implied phases; primary with secondary means all-through; else the first named. */
function resolvePhase(meanings: readonly Meaning[]): Phase | null {
  const phases = meanings.flatMap((m) => (m.kind === 'phase' ? [m] : []));
  const settings = phases.filter((m) => m.strength === 'setting');
  const chosen = unique((settings.length > 0 ? settings : phases).map((m) => m.phase));
  if (chosen.includes('primary') && chosen.includes('secondary')) return 'all-through';
  return chosen[0] ?? null;
}

function unique<T extends Specialism | Phase>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
