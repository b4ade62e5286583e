import { z } from 'zod';
import { oneOf, optionalText } from './input-fields.js';

/** The supported school reads each visit report and says whether it is a true record. */
export const REPORT_CHECKS = ['accurate', 'needs-correction'] as const;
export type ReportCheck = (typeof REPORT_CHECKS)[number];

export const REPORT_CHECK_LABELS: Record<ReportCheck, string> = {
  accurate: 'Accurate',
  'needs-correction': 'Needs correction',
};

export const reportCheckInputSchema = z.object({
  check: oneOf(REPORT_CHECKS, { noun: 'verdict' }),
  note: optionalText({ max: 1000 }),
}).superRefine((input, ctx) => {
  if (input.check === 'needs-correction' && !input.note?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'Please say what needs correcting, so the supporter can put it right.' });
  }
});

export type ReportCheckInput = z.infer<typeof reportCheckInputSchema>;

/** The school's answer, kept on the report it is about. */
export interface ReportConfirmation extends ReportCheckInput {
  by: string;
  at: string;
}
