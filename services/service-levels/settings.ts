import { z } from 'zod';
import type { Alliance } from '../domain/alliance.js';

/** The stages of a request's journey that carry a due date, in the order they happen. */
export const STAGES = ['decision', 'answer', 'plan-draft', 'plan-confirm', 'visit-report', 'mid-term', 'evaluation'] as const;
export type Stage = (typeof STAGES)[number];

/** What each stage waits for, as people read it in cards and the digest. */
export const STAGE_LABELS: Record<Stage, string> = {
  decision: 'manager decision on a new request',
  answer: "supporter's answer to a proposal",
  'plan-draft': 'plan drafted after acceptance',
  'plan-confirm': 'plan confirmed by the other parties',
  'visit-report': 'visit report',
  'mid-term': 'mid-term review at half the planned days',
  evaluation: 'evaluation after completion',
};

const workingDays = z.number().int('use whole working days').min(1, 'at least 1 working day').max(60, 'at most 60 working days');

/** An alliance's service levels: working days allowed per stage, when to escalate, and auto-pass. */
export const serviceLevelsSchema = z.object({
  days: z.object(Object.fromEntries(STAGES.map((stage) => [stage, workingDays])) as Record<Stage, typeof workingDays>),
  /** Working days past its due date before an item is escalated to the manager channel. */
  escalateAfter: workingDays,
  /** When a proposal is still unanswered at its escalation, pass it to the next best candidate. */
  autoPass: z.boolean(),
});

export type ServiceLevels = z.infer<typeof serviceLevelsSchema>;

/** The published brokerage standards most alliances start from. */
export const DEFAULT_SERVICE_LEVELS: ServiceLevels = {
  days: { decision: 2, answer: 3, 'plan-draft': 5, 'plan-confirm': 5, 'visit-report': 5, 'mid-term': 5, evaluation: 10 },
  escalateAfter: 2,
  autoPass: false,
};

/** What an alliance stores: only the settings it changed, so a later change of default reaches it. */
export type StoredServiceLevels = { days?: Partial<Record<Stage, number>>; escalateAfter?: number; autoPass?: boolean };

export function serviceLevelsOf(alliance: Pick<Alliance, 'serviceLevels'> | undefined): ServiceLevels {
  const stored = alliance?.serviceLevels ?? {};
  return {
    days: { ...DEFAULT_SERVICE_LEVELS.days, ...stored.days },
    escalateAfter: stored.escalateAfter ?? DEFAULT_SERVICE_LEVELS.escalateAfter,
    autoPass: stored.autoPass ?? DEFAULT_SERVICE_LEVELS.autoPass,
  };
}
