import { distance } from 'fastest-levenshtein';
import { makeToken, type Token } from './tokenize.js';

/*
 * Typo correction towards the vocabulary, kept cautious: a wrong correction invents a specialism,
 * a missed one only loses it. Rules:
 * - words under 4 letters are never corrected ("are" must not become "art", "pet" not "PE");
 * - known words stay as they are: vocabulary words and ordinary words listed as near misses
 *   ("mats", "sort", "expect"); inflections are left to the stems that intent cues match;
 * - a capitalised word after the first is taken for a name ("Matt", "Mark") and left alone;
 * - the first letter must agree (people rarely mistype it, and it keeps the search small);
 * - allowed edits: 4 letters, one dropped letter ("vist") or one swap of neighbours ("hlep");
 *   5–9 letters, one edit or one swap ("mahts"); 10 or more, two edits. Two edits on shorter
 *   words would turn "teaching" into "tracking" and "regarding" into "reading";
 * - two equally close vocabulary words means no guess.
 */
export class SpellingCorrector {
  private readonly known: Set<string>;
  private readonly byFirstLetter = new Map<string, string[]>();

  constructor(vocabularyWords: Iterable<string>, ordinaryWords: Iterable<string>) {
    const words = [...new Set(vocabularyWords)];
    this.known = new Set([...words, ...ordinaryWords]);
    for (const word of words.filter((w) => /^[a-z]{4,}$/.test(w))) {
      const group = this.byFirstLetter.get(word[0]);
      if (group) group.push(word);
      else this.byFirstLetter.set(word[0], [word]);
    }
  }

  /** The tokens with misspelt vocabulary words replaced by the word meant. */
  correct(tokens: readonly Token[]): Token[] {
    return tokens.map((token, index) => this.correctToken(token, index === 0));
  }

  private correctToken(token: Token, first: boolean): Token {
    const { raw, word } = token;
    if (word.length < 4 || !/^[a-z]+$/.test(word) || this.known.has(word)) return token;
    if (!first && /^[A-Z][a-z]/.test(raw)) return token;
    const meant = closest(word, this.byFirstLetter.get(word[0]));
    return meant ? { ...makeToken(meant), raw } : token;
  }
}

function closest(typed: string, candidates: readonly string[] | undefined): string | undefined {
  if (!candidates) return undefined;
  const allowed = typed.length >= 10 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - typed.length) > allowed) continue;
    const swap = isNeighbourSwap(typed, candidate);
    const edits = swap ? 1 : distance(typed, candidate);
    // Four letters leave little to go on: only a dropped letter or two swapped ones count.
    if (edits > allowed || (typed.length <= 4 && !swap && candidate.length <= typed.length)) continue;
    if (edits < bestDistance) [best, bestDistance, tied] = [candidate, edits, false];
    else if (edits === bestDistance) tied = true;
  }
  return tied ? undefined : best;
}

/** Levenshtein counts "mahts" → "maths" as two edits; people make it in one slip. */
function isNeighbourSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
