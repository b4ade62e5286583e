import { PHASES, PHASE_LABELS, type Phase } from './phases.js';
import { SPECIALISMS, SPECIALISM_LABELS, type Specialism } from './specialisms.js';

// The names people write for each specialism and phase. Each id's own spelling and label are
// accepted as well, so only the other ways of saying it are listed. Lookups are exact after
// normaliseName: imports must not guess, and a free-text recogniser can layer fuzziness on top.
export const SPECIALISM_ALIASES: Record<Specialism, readonly string[]> = {
  academies: ['academy', 'academy transition', 'academy conversion', 'academies and academy transition'],
  assessment: ['assessment for learning', 'AfL', 'assessment and data', 'data and assessment'],
  'cpd-leadership': ['CPD', 'CPD leadership', 'continuing professional development', 'professional development', 'staff development'],
  'school-business-management': [
    'SBM', 'school business management', 'business management', 'finance', 'financial management', 'school finance',
    'school business management and financial management',
  ],
  'curriculum-leadership': ['curriculum', 'curriculum leadership', 'curriculum design', 'curriculum development'],
  art: ['art and design', 'art & design', 'fine art'],
  'closing-the-gap': ['disadvantaged', 'disadvantaged pupils', 'pupil premium', 'PP', 'narrowing the gap', 'FSM'],
  drama: ['performing arts', 'theatre'],
  'design-technology': ['D&T', 'DT', 'design and technology', 'design technology', 'food technology'],
  'early-years': ['EYFS', 'EY', 'early years foundation stage', 'foundation stage', 'reception'],
  english: ['literacy', 'reading', 'writing', 'oracy', 'English language', 'English literature'],
  geography: ['geog'],
  history: [],
  computing: ['ICT', 'IT', 'computer science', 'information technology', 'information and communication technology', 'coding'],
  maths: ['math', 'mathematics', 'numeracy', 'maths mastery'],
  mfl: ['modern foreign languages', 'modern languages', 'languages', 'foreign languages', 'French', 'Spanish', 'German'],
  music: [],
  phonics: ['systematic synthetic phonics', 'SSP', 'early reading'],
  pe: ['physical education', 'sport', 'PE and sport'],
  pshe: ['PSHEE', 'PSHE education', 'RSE', 'RSHE', 'personal social health and economic education'],
  re: ['religious education', 'RS', 'religious studies'],
  science: ['biology', 'chemistry', 'physics'],
  send: [
    'SEN', 'special educational needs', 'special educational needs and disabilities', 'SENCo', 'SENDCo', 'inclusion',
    'special needs',
  ],
  'most-able': ['more able', 'most able pupils', 'support for the most able pupils', 'gifted and talented', 'G&T', 'high attainers'],
  citizenship: [],
  'itt-ect': [
    'ITT', 'ECT', 'NQT', 'ECF', 'ITT and NQT development', 'initial teacher training', 'early career teachers',
    'early-career teachers', 'early career framework', 'ECT mentoring', 'mentoring', 'teacher training',
  ],
  behaviour: ['behavior', 'behaviour and discipline', 'behaviour management', 'discipline'],
  attendance: ['absence', 'persistent absence'],
};

export const PHASE_ALIASES: Record<Phase, readonly string[]> = {
  nursery: ['nursery school', 'early years', 'EYFS', 'pre-school', 'NS'],
  primary: ['KS1', 'KS2', 'key stage 1', 'key stage 2', 'infant', 'junior', 'primary school', 'PS'],
  secondary: ['KS3', 'KS4', 'key stage 3', 'key stage 4', 'secondary school', 'high school', 'SS'],
  special: ['special school', 'SP'],
  'post-16': ['post 16', 'sixth form', '6th form', 'KS5', 'key stage 5', '16-19', 'further education', 'FE'],
  'all-through': ['all through', 'through school', 'all-age', 'AT'],
};

/**
 * Lower-cases, reads `&` as "and", drops dots and apostrophes ("P.E." is "pe") and collapses other
 * punctuation and spaces: "D&T" and "d and t" match.
 */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function buildLookup<Id extends string>(ids: readonly Id[], labels: Record<Id, string>, aliases: Record<Id, readonly string[]>): Map<string, Id> {
  const lookup = new Map<string, Id>();
  for (const id of ids) {
    for (const name of [id, labels[id], ...aliases[id]]) {
      const key = normaliseName(name);
      const taken = lookup.get(key);
      // Caught by the unit tests the moment someone adds a clashing alias.
      if (taken && taken !== id) throw new Error(`The name "${name}" is an alias of both ${taken} and ${id}`);
      lookup.set(key, id);
    }
  }
  return lookup;
}

const specialismLookup = buildLookup(SPECIALISMS, SPECIALISM_LABELS, SPECIALISM_ALIASES);
const phaseLookup = buildLookup(PHASES, PHASE_LABELS, PHASE_ALIASES);

export function specialismFromName(name: string): Specialism | undefined {
  return specialismLookup.get(normaliseName(name));
}

export function phaseFromName(name: string): Phase | undefined {
  return phaseLookup.get(normaliseName(name));
}
