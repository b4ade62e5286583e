// The official SLE areas of expertise as canonical ids, grouped as the former national guidance did.
export const SPECIALISM_GROUPS = {
  'leadership and management': ['academies', 'assessment', 'cpd-leadership', 'school-business-management', 'curriculum-leadership'],
  'pupil achievement': [
    'art', 'closing-the-gap', 'drama', 'design-technology', 'early-years', 'english', 'geography', 'history',
    'computing', 'maths', 'mfl', 'music', 'phonics', 'pe', 'pshe', 're', 'science', 'send', 'most-able', 'citizenship',
  ],
  'quality of teaching': ['itt-ect'],
  'behaviour and safety': ['behaviour', 'attendance'],
} as const;

export type Specialism = (typeof SPECIALISM_GROUPS)[keyof typeof SPECIALISM_GROUPS][number];

export const SPECIALISMS: readonly Specialism[] = Object.values(SPECIALISM_GROUPS).flat();

/** How a specialism is shown to people. */
export const SPECIALISM_LABELS: Record<Specialism, string> = {
  academies: 'Academies and academy transition',
  assessment: 'Assessment',
  'cpd-leadership': 'Leadership of CPD',
  'school-business-management': 'School business and financial management',
  'curriculum-leadership': 'Leadership of curriculum',
  art: 'Art',
  'closing-the-gap': 'Closing the gap (disadvantaged pupils)',
  drama: 'Drama',
  'design-technology': 'Design and technology',
  'early-years': 'Early years',
  english: 'English',
  geography: 'Geography',
  history: 'History',
  computing: 'Computing',
  maths: 'Maths',
  mfl: 'Modern foreign languages',
  music: 'Music',
  phonics: 'Phonics',
  pe: 'PE',
  pshe: 'PSHE',
  re: 'RE',
  science: 'Science',
  send: 'SEND',
  'most-able': 'Most able pupils',
  citizenship: 'Citizenship',
  'itt-ect': 'ITT and early-career teachers',
  behaviour: 'Behaviour',
  attendance: 'Attendance',
};

/**
 * Related specialisms: an expert in one is a partial fit for the other. Matching ranks an exact
 * fit above a related one.
 */
export const RELATED_SPECIALISMS: Partial<Record<Specialism, Specialism[]>> = {
  phonics: ['english', 'early-years'],
  english: ['phonics'],
  'early-years': ['phonics'],
  behaviour: ['attendance', 'send'],
  attendance: ['behaviour'],
  send: ['behaviour'],
  'closing-the-gap': ['most-able'],
  'most-able': ['closing-the-gap'],
  'curriculum-leadership': ['assessment'],
  assessment: ['curriculum-leadership'],
  'cpd-leadership': ['itt-ect'],
  'itt-ect': ['cpd-leadership'],
  academies: ['school-business-management'],
  'school-business-management': ['academies'],
  pshe: ['citizenship'],
  citizenship: ['pshe'],
  drama: ['english'],
  computing: ['design-technology'],
  'design-technology': ['computing'],
};

export function isSpecialism(value: string): value is Specialism {
  return (SPECIALISMS as readonly string[]).includes(value);
}
