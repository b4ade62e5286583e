import type { Phase } from '../domain/phases.js';
import type { Specialism } from '../domain/specialisms.js';
import type { Intent } from './types.js';
import type { Token } from './tokenize.js';

export type Meaning =
  | { kind: 'specialism'; specialism: Specialism }
  | { kind: 'phase'; phase: Phase; strength: 'setting' | 'implied' }
  | { kind: 'cue'; intent: Intent; weight: number };

/*
 * A phrase is a list of keys, one per word: `w:` the lower-case word, `s:` its stem, `c:` the word
 * exactly as written. Each message word offers all three, so one index holds entities (by word),
 * intent cues (by stem) and capitals-only abbreviations together, and the longest phrase wins.
 */
export type Key = `${'w' | 's' | 'c'}:${string}`;

interface Node {
  next: Map<Key, Node>;
  meanings: Meaning[];
}

export function tokenKeys(token: Token): Key[] {
  return [`c:${token.raw}`, `w:${token.word}`, `s:${token.stem}`];
}

export class PhraseIndex {
  private readonly root: Node = { next: new Map(), meanings: [] };

  /** Adds a phrase; the same phrase saying the same kind of thing twice is a mistake in the vocabulary. */
  add(keys: readonly Key[], meaning: Meaning): void {
    if (keys.length === 0) throw new Error(`Empty phrase for ${JSON.stringify(meaning)}`);
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), meanings: [] }));
      node = child;
    }
    if (node.meanings.some((m) => sameSlot(m, meaning))) throw new Error(`Phrase "${keys.join(' ')}" listed twice`);
    node.meanings.push(meaning);
  }

  /** Scans left to right, taking the longest phrase at each point; words in no phrase are skipped. */
  find(tokens: readonly Token[]): Meaning[] {
    const keys = tokens.map(tokenKeys);
    const found: Meaning[] = [];
    for (let start = 0; start < keys.length; ) {
      const match = this.longestAt(keys, start);
      if (match) found.push(...match.meanings);
      start = match ? match.end : start + 1;
    }
    return found;
  }

  private longestAt(keys: readonly Key[][], start: number): { end: number; meanings: Meaning[] } | undefined {
    let best: { end: number; meanings: Meaning[] } | undefined;
    const walk = (node: Node, at: number): void => {
      if (node.meanings.length > 0 && (!best || at > best.end)) best = { end: at, meanings: node.meanings };
      if (at === keys.length) return;
      for (const key of keys[at]) {
        const child = node.next.get(key);
        if (child) walk(child, at + 1);
      }
    };
    walk(this.root, start);
    return best;
  }
}

function sameSlot(a: Meaning, b: Meaning): boolean {
  if (a.kind === 'cue' && b.kind === 'cue') return a.intent === b.intent;
  return a.kind === b.kind && a.kind !== 'cue';
}
