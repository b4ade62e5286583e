import { stemmer } from 'stemmer';

export interface Token {
  /** As written, for the capitals-only abbreviations ("RE", "IT"). */
  raw: string;
  /** Lower case: entities match this. */
  word: string;
  /** Porter stem of `word`: intent cues match this, so inflections need no listing. */
  stem: string;
}

/*
 * Notational variants rewritten before splitting into words, so the vocabulary lists each term once:
 * "Y6", "yr 6", "year6" → "year 6"; "KS 2", "key stage 2" → "ks2"; "R.E." → "RE"; "D&T" → "D and T".
 * Apostrophes go, so "what's" and "whats" read the same. Mentions of the bot or of people (Teams
 * "<at>Name</at>", Slack "<@U123>") go too, in case an edge passes them on: the bot's own name must
 * not read as a request ("School Support").
 */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/<at>.*?<\/at>|<[@#!][^>]*>/gi, ' '],
  [/['\u2018\u2019\u02bc`]/g, ''],
  [/&/g, ' and '],
  [/\b([a-z])\.([a-z])\b\.?/gi, '$1$2'],
  [/\b(?:years?|yrs?|y)\s?(\d{1,2})\b/gi, 'year $1'],
  [/\b(?:key\s?stage|ks)\s?(\d)\b/gi, 'ks$1'],
];

// ICU's word segmenter (built into Node) splits on spaces and punctuation and drops emoji for us.
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

export function normalise(text: string): string {
  return REWRITES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text.normalize('NFKC'));
}

/** The words of a message, without punctuation, symbols or emoji. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalise(text))) {
    if (isWordLike) tokens.push(makeToken(segment));
  }
  return tokens;
}

export function makeToken(raw: string): Token {
  const word = raw.toLowerCase();
  return { raw, word, stem: stemmer(word) };
}
