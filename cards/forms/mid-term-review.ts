import { MID_TERM_VERDICT_LABELS, MID_TERM_VERDICTS, midTermReviewInputSchema, type MidTermReviewInput } from '../../services/domain/mid-term-review.js';
import { REPORT_LIMITS } from '../../services/domain/visit-report.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';
import { objectiveProgress } from './objective-progress.js';

export const MID_TERM_REVIEW_FORM_ID = 'mid-term-review';

export const MID_TERM_REVIEW_ACTIONS = {
  submit: 'mid-term-review.submit',
} as const;

export const MID_TERM_REVIEW_FIELDS = {
  subject: 'subject',
  verdict: 'verdict',
  comment: 'comment',
} as const;

const F = MID_TERM_REVIEW_FIELDS;

export interface MidTermReviewContext {
  /** What is reviewed, e.g. "S2S-2026-0042 at Riverside Primary School". */
  subject?: string;
  /** The plan's objectives; without them (a form rebuilt from its id alone) the groups answered count. */
  objectives?: readonly string[];
}

/**
 * Halfway through the planned days, the supporter and the school each say how the support is going:
 * progress on each objective and overall (on track, some concerns, not working), with a comment.
 * One definition for Teams and Slack.
 */
export function createMidTermReviewForm(context: MidTermReviewContext): FormDefinition<MidTermReviewInput> {
  const progress = objectiveProgress(context.objectives);
  return {
    id: MID_TERM_REVIEW_FORM_ID,
    title: 'Mid-term review',
    submitLabel: 'Send review',
    submitActionId: MID_TERM_REVIEW_ACTIONS.submit,
    intro: 'Half the planned days are done. How is the support going? "Not working" goes to the alliance manager at once. Do not name pupils.',
    fields: [
      ...(context.subject ? [{ type: 'info' as const, id: F.subject, text: context.subject }] : []),
      ...progress.fields,
      { type: 'choice', id: F.verdict, label: 'Overall', required: true, choices: MID_TERM_VERDICTS.map((value) => ({ value, label: MID_TERM_VERDICT_LABELS[value] })) },
      { type: 'text', id: F.comment, label: 'Comment', help: 'What is working, and what should change.', required: true, multiline: true, maxLength: REPORT_LIMITS.text },
    ],
    schema: mapOnto((answers) => ({
      progress: progress.read(answers),
      verdict: answers[F.verdict],
      comment: answers[F.comment],
    }), midTermReviewInputSchema({ objectives: context.objectives?.length })),
    fieldOf: (path, answers) => (path[0] === 'progress' ? progress.fieldOf(path, answers) : typeof path[0] === 'string' ? path[0] : undefined),
  };
}
