import type { Specialism } from '../../domain/specialisms.js';

/*
 * How people write each specialism in free text. Phrases match whole words, case-insensitively,
 * after the same normalisation as messages ("&" reads as "and", "R.E." as "RE", apostrophes go).
 * They match the written word, not its stem: "reading" means English but "read" does not, and
 * "attendance" is a specialism while "attend" is not. So plurals people use are listed.
 *
 * Early years: "EYFS", "early years" and "foundation stage" give the specialism `early-years` and no
 * phase, because EYFS runs in nursery schools and in primary reception classes alike. The phase
 * comes only from phase words ("nursery", "reception"): see phases.ts.
 *
 * A school's name often holds "Academy", so "academy" alone is not the `academies` specialism.
 */
export const SPECIALISM_PHRASES: Record<Specialism, readonly string[]> = {
  academies: ['academies', 'academy conversion', 'academy transition', 'academisation', 'academization',
    'converting to an academy', 'convert to an academy', 'becoming an academy', 'become an academy',
    'joining a trust', 'join a trust', 'joining a mat'],
  assessment: ['assessment', 'assessments', 'marking', 'moderation', 'data tracking', 'tracking data', 'afl',
    'assessment for learning'],
  'cpd-leadership': ['cpd', 'professional development', 'staff development', 'staff training', 'inset',
    'training programme'],
  'school-business-management': ['school business management', 'business management', 'business manager', 'sbm',
    'finance', 'finances', 'budget setting', 'budget planning', 'budget management', 'financial management',
    'procurement'],
  'curriculum-leadership': ['curriculum', 'curriculum design', 'curriculum leadership', 'curriculum development',
    'deep dive', 'deep dives', 'subject leadership', 'subject leaders'],
  art: ['art', 'arts', 'art and design', 'fine art'],
  'closing-the-gap': ['closing the gap', 'close the gap', 'narrowing the gap', 'attainment gap', 'pupil premium',
    'disadvantaged', 'disadvantage', 'fsm', 'free school meals'],
  drama: ['drama', 'performing arts', 'theatre', 'theater'],
  'design-technology': ['d and t', 'dt', 'design technology', 'design and technology', 'food technology', 'textiles'],
  'early-years': ['early years', 'early year', 'eyfs', 'foundation stage', 'early years foundation stage'],
  english: ['english', 'literacy', 'reading', 'writing', 'oracy', 'spelling', 'grammar', 'spag', 'gps',
    'handwriting', 'english language', 'english literature', 'eal'],
  geography: ['geography', 'geog'],
  history: ['history'],
  computing: ['computing', 'ict', 'computer science', 'information technology', 'coding', 'programming',
    'online safety'],
  maths: ['maths', 'math', 'mathematics', 'numeracy', 'arithmetic', 'times tables', 'multiplication check',
    'maths mastery', 'mastery maths'],
  mfl: ['mfl', 'modern foreign languages', 'modern languages', 'foreign languages', 'languages', 'french',
    'spanish', 'german', 'mandarin', 'italian'],
  music: ['music', 'singing', 'choir'],
  phonics: ['phonics', 'early reading', 'ssp', 'systematic synthetic phonics', 'letters and sounds',
    'read write inc', 'rwi', 'phonics screening'],
  pe: ['pe', 'physical education', 'sport', 'sports', 'pe and sport', 'games lessons'],
  pshe: ['pshe', 'pshee', 'rse', 'rshe', 'relationships education', 'sex education', 'health education',
    'personal development'],
  re: ['religious education', 'religious studies'],
  science: ['science', 'sciences', 'biology', 'chemistry', 'physics'],
  send: ['sen', 'senco', 'sendco', 'sencos', 'special needs', 'special educational needs', 'additional needs',
    'autism', 'autistic', 'asd', 'adhd', 'dyslexia', 'ehcp', 'ehcps', 'inclusion', 'learning difficulties', 'sen d'],
  'most-able': ['most able', 'more able', 'gifted and talented', 'g and t', 'high attainers', 'higher attainers',
    'greater depth', 'able pupils', 'stretch and challenge'],
  citizenship: ['citizenship', 'british values'],
  'itt-ect': ['ect', 'ects', 'nqt', 'nqts', 'rqt', 'early career teachers', 'early career teacher',
    'early career framework', 'ecf', 'itt', 'initial teacher training', 'trainee teachers', 'trainee teacher',
    'trainees', 'student teachers', 'mentoring', 'mentor', 'mentors', 'newly qualified teachers', 'newly qualified'],
  behaviour: ['behaviour', 'behaviours', 'behavior', 'exclusions', 'exclusion', 'suspensions',
    'behaviour management', 'discipline', 'low level disruption', 'classroom management', 'restorative practice'],
  attendance: ['attendance', 'persistent absence', 'absence', 'absences', 'absenteeism', 'truancy', 'punctuality',
    'lateness'],
};

/**
 * Short forms that are also ordinary words in lower case ("re: my email", "is it on?", "a level of"):
 * they count only when written in capitals, as the abbreviation. "SEND" is also the verb "send".
 */
export const SPECIALISM_EXACT_CASE: Partial<Record<Specialism, readonly string[]>> = {
  re: ['RE', 'RS'],
  send: ['SEND'],
  'early-years': ['EY'],
  computing: ['IT'],
  'closing-the-gap': ['PP'],
  attendance: ['PA'],
};
