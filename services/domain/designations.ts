export const DESIGNATIONS = ['SLE', 'NLE', 'LLE', 'executive-head', 'lead-teacher', 'lead-practitioner'] as const;
export type Designation = (typeof DESIGNATIONS)[number];

export const DESIGNATION_LABELS: Record<Designation, string> = {
  SLE: 'Specialist Leader of Education',
  NLE: 'National Leader of Education',
  LLE: 'Local Leader of Education',
  'executive-head': 'Executive head',
  'lead-teacher': 'Lead teacher',
  'lead-practitioner': 'Lead practitioner',
};

/** Default day rates in pounds; each alliance may set its own. */
export const DEFAULT_DAY_RATES: Record<Designation, number> = {
  SLE: 250,
  NLE: 550,
  LLE: 550,
  'executive-head': 550,
  'lead-teacher': 200,
  'lead-practitioner': 200,
};
