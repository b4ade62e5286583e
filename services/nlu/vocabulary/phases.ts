import type { Phase } from '../../domain/phases.js';

/*
 * How people name a phase. Two strengths, because a message can say both "KS3" and "our special
 * school": a setting (the kind of school) says more about the phase than a key stage, year group or
 * exam, which only implies one. The recogniser prefers settings, then implied phases; if what it
 * finds spans primary and secondary ("year 6 to year 7 transition") the phase is all-through, else
 * it takes the first one mentioned.
 *
 * Messages are normalised first, so "Y6", "yr 6" and "year6" all read "year 6", and "KS 2" or
 * "key stage 2" read "ks2" (see normalise.ts). Like specialisms, phrases match written words.
 *
 * "nursery" and "pre-school" are phase words; "EYFS" and "early years" are not (see specialisms.ts).
 * "reception" is the first year of primary school. "A level" needs the capital A ("a level of").
 */
export const PHASE_SETTINGS: Record<Phase, readonly string[]> = {
  nursery: ['nursery', 'nurseries', 'nursery school', 'preschool', 'pre school', 'maintained nursery'],
  primary: ['primary', 'primaries', 'primary school', 'infant school', 'junior school', 'first school'],
  secondary: ['secondary', 'secondaries', 'secondary school', 'high school', 'comprehensive school',
    'grammar school', 'upper school'],
  special: ['special school', 'special schools', 'specialist school', 'special provision', 'special setting',
    'sen school'],
  'post-16': ['sixth form', '6th form', 'sixth form college', 'post 16', 'post16', '16 19', 'further education',
    'fe college'],
  'all-through': ['all through', 'allthrough', 'through school', 'all age', 'all age school'],
};

const years = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `year ${from + i}`);

export const PHASE_IMPLIED: Record<Phase, readonly string[]> = {
  nursery: [],
  primary: ['ks1', 'ks2', 'lks2', 'uks2', 'reception', 'infants', 'infant', 'juniors', 'junior', 'sats',
    'phonics screening', 'multiplication check', ...years(1, 6)],
  secondary: ['ks3', 'ks4', 'gcse', 'gcses', 'igcse', ...years(7, 11)],
  special: [],
  'post-16': ['ks5', 'a levels', 'alevel', 'alevels', 'btec', 'btecs', 'year 12', 'year 13'],
  'all-through': [],
};

/** Capital-only forms: "A level" (see above); the plural "a levels" is no ordinary phrase, so it is listed above. */
export const PHASE_EXACT_CASE: Partial<Record<Phase, readonly string[]>> = {
  'post-16': ['A level', 'A levels', 'AS level', 'AS levels'],
};
