import type { Phase } from '../domain/phases.js';
import { PhraseIndex, type Key, type Meaning } from './phrase-index.js';
import { SpellingCorrector } from './spelling.js';
import { tokenize, type Token } from './tokenize.js';
import { INTENT_CUES } from './vocabulary/intents.js';
import { ORDINARY_WORDS } from './vocabulary/ordinary-words.js';
import { PHASE_EXACT_CASE, PHASE_IMPLIED, PHASE_SETTINGS } from './vocabulary/phases.js';
import { SPECIALISM_EXACT_CASE, SPECIALISM_PHRASES } from './vocabulary/specialisms.js';

export interface Vocabulary {
  phrases: PhraseIndex;
  speller: SpellingCorrector;
}

type Matching = 'word' | 'stem' | 'exact-case';

/** Turns the vocabulary data into the phrase index and the speller's word list. */
export function buildVocabulary(): Vocabulary {
  const phrases = new PhraseIndex();
  const words: string[] = [];
  const add = (phrase: string, matching: Matching, meaning: Meaning) => {
    const tokens = tokenize(phrase);
    phrases.add(tokens.map((token) => keyFor(token, matching)), meaning);
    if (matching !== 'exact-case') words.push(...tokens.map((token) => token.word));
  };

  for (const [specialism, list] of entries(SPECIALISM_PHRASES)) {
    for (const phrase of list) add(phrase, 'word', { kind: 'specialism', specialism });
  }
  for (const [specialism, list] of entries(SPECIALISM_EXACT_CASE)) {
    for (const phrase of list ?? []) add(phrase, 'exact-case', { kind: 'specialism', specialism });
  }
  const phaseLists = [
    [PHASE_SETTINGS, 'setting', 'word'],
    [PHASE_IMPLIED, 'implied', 'word'],
    [PHASE_EXACT_CASE, 'implied', 'exact-case'],
  ] as const;
  for (const [lists, strength, matching] of phaseLists) {
    for (const [phase, list] of entries<Phase, readonly string[] | undefined>(lists)) {
      for (const phrase of list ?? []) add(phrase, matching, { kind: 'phase', phase, strength });
    }
  }
  for (const [intent, cues] of entries(INTENT_CUES)) {
    for (const [weight, list] of Object.entries(cues)) {
      for (const phrase of list) add(phrase, 'stem', { kind: 'cue', intent, weight: Number(weight) });
    }
  }
  return { phrases, speller: new SpellingCorrector(words, ORDINARY_WORDS) };
}

function keyFor(token: Token, matching: Matching): Key {
  if (matching === 'stem') return `s:${token.stem}`;
  // In a capitals-only phrase ("A level") only the capitalised words must match exactly.
  return matching === 'exact-case' && token.raw !== token.word ? `c:${token.raw}` : `w:${token.word}`;
}

function entries<K extends string, V>(record: Partial<Record<K, V>>): Array<[K, V]> {
  return Object.entries(record) as Array<[K, V]>;
}
