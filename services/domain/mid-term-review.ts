import { z } from 'zod';
import { oneOf, requiredText } from './input-fields.js';
import { objectiveProgressSchema, REPORT_LIMITS } from './visit-report.js';

/** How the support is going overall, halfway through its planned days. */
export const MID_TERM_VERDICTS = ['on-track', 'some-concerns', 'not-working'] as const;
export type MidTermVerdict = (typeof MID_TERM_VERDICTS)[number];

export const MID_TERM_VERDICT_LABELS: Record<MidTermVerdict, string> = {
  'on-track': 'On track',
  'some-concerns': 'Some concerns',
  'not-working': 'Not working',
};

/** Who reviews the support halfway: the supporter and the school, each on their own. */
export const MID_TERM_REVIEWERS = ['supporter', 'school'] as const;
export type MidTermReviewer = (typeof MID_TERM_REVIEWERS)[number];

/** The review as a form gives it; `objectives` is the plan's count, one progress entry each. */
export function midTermReviewInputSchema({ objectives }: { objectives?: number }) {
  return z.object({
    progress: objectiveProgressSchema,
    verdict: oneOf(MID_TERM_VERDICTS, { noun: 'rating' }),
    comment: requiredText({ max: REPORT_LIMITS.text }),
  }).superRefine((review, ctx) => {
    if (objectives !== undefined && review.progress.length !== objectives) {
      ctx.addIssue({ code: 'custom', path: ['progress'], message: `Please give progress on each of the plan's ${objectives} objectives.` });
    }
  });
}

export type MidTermReviewInput = z.infer<ReturnType<typeof midTermReviewInputSchema>>;

/** One party's review, kept on the deployment (it is short, and due dates are read from it). */
export interface MidTermReview extends MidTermReviewInput {
  by: string;
  at: string;
}

/** Halfway through a deployment's planned days: when the reviews opened, and those given so far. */
export interface MidTerm {
  /** England's date of the visit report that reached half the planned days. */
  from: string;
  reviews: Partial<Record<MidTermReviewer, MidTermReview>>;
}
