/*
 * Everyday words one slip away from a vocabulary word. The speller never "corrects" them:
 * "sort" is not "sport", "last week" is not "list", "MATs" are trusts, not maths.
 *
 * Found by running every word of a British English word list through the speller and keeping the
 * ones people write in school messages whose correction would change what a message means.
 */
export const ORDINARY_WORDS: readonly string[] = [
  // near intent cues
  'fine', 'last', 'lost', 'held', 'case', 'filing', 'stats', 'states', 'statue', 'trace', 'trick', 'truck', 'summit', 'wore',
  'director', 'directors', 'guided', 'issued', 'insert', 'logic', 'stick', 'stock', 'stack', 'struck', 'suck',
  // near specialisms and phases
  'mats', 'mate', 'mates', 'match', 'myths', 'making', 'monitoring', 'monitor', 'mentioning', 'sort', 'sorts', 'short',
  'shorts', 'spot', 'spots', 'seats', 'sales', 'selling', 'signing', 'sinking', 'chair', 'expect', 'expects', 'export',
  'exports', 'artistic', 'academics', 'completing', 'competing', 'commuting', 'recreation', 'trainers', 'attendants',
  // school and brokerage words
  'broker', 'brokers', 'brokered', 'brokerage', 'trust', 'trusts', 'staff', 'data', 'results', 'term', 'teaching',
  'learning', 'lesson', 'lessons', 'pupils', 'children', 'class', 'classes', 'parents', 'governors', 'deputy',
];
