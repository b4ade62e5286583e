export const PHASES = ['nursery', 'primary', 'secondary', 'special', 'post-16', 'all-through'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  secondary: 'Secondary',
  special: 'Special',
  'post-16': 'Post-16',
  'all-through': 'All-through',
};

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** An all-through school covers primary and secondary, so either phase's expert fits it. */
export function phasesOverlap(wanted: Phase, offered: readonly Phase[]): boolean {
  if (offered.includes(wanted)) return true;
  if (wanted === 'all-through') return offered.includes('primary') || offered.includes('secondary');
  if (wanted === 'primary' || wanted === 'secondary') return offered.includes('all-through');
  return false;
}
