/**
 * Characters that change how text is shown without being seen: bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), directional marks (U+200E, U+200F, U+061C) and
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF). In a name they can make "Ahmed" and
 * "Ahmed" different people, or show a name backwards ("Trojan Source"), so single-line values lose them.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
