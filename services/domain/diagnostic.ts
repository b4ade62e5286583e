import { z } from 'zod';
import type { AuditEntry } from './audit.js';
import type { Designation } from './designations.js';
import { PHASES } from './phases.js';
import { SPECIALISMS, type Specialism } from './specialisms.js';

/** A diagnostic is usually done by a system leader: an NLE, an LLE or an executive head (seed 001). */
export const DIAGNOSTIC_DESIGNATIONS: readonly Designation[] = ['NLE', 'LLE', 'executive-head'];

/** The standard purpose of a diagnostic visit, stored as the request's outcomes. */
export const DIAGNOSTIC_OUTCOMES = 'An initial diagnostic: strengths, priorities and the support to recommend.';

const specialism = z.enum(SPECIALISMS as [Specialism, ...Specialism[]]);

/** A head asks for a diagnostic visit: what to look at, and 1–2 days. */
export const diagnosticRequestInputSchema = z.object({
  /** Areas of concern, if the head already has some in mind; none means "look at everything". */
  specialisms: z.array(specialism).max(5).default([]),
  phase: z.enum(PHASES),
  need: z.string().trim().min(20, 'say in a sentence or two what you would like looked at (20 characters or more)').max(2000),
  daysWanted: z.union([z.literal(1), z.literal(2)], 'a diagnostic visit is 1 or 2 days'),
  preferredStart: z.iso.date('use YYYY-MM-DD'),
});

export type DiagnosticRequestInput = z.infer<typeof diagnosticRequestInputSchema>;

/** The diagnostic visit's short report: what is strong, what comes first, and the support to recommend. */
export const diagnosticReportInputSchema = z.object({
  visitDate: z.iso.date('use YYYY-MM-DD'),
  daysUsed: z.number().positive('days must be more than 0').max(2, 'a diagnostic visit is at most 2 days').multipleOf(0.5, 'use whole or half days'),
  strengths: z.string().trim().min(1, 'say what the school does well').max(2000),
  priorities: z.string().trim().min(1, 'say what the school should work on first').max(2000),
  recommendedSpecialisms: z.array(specialism).min(1, 'recommend at least one area of support').max(5),
  recommendedPhase: z.enum(PHASES),
  recommendedDays: z.number().int('use whole days').min(1, 'recommend at least 1 day').max(60, 'recommend at most 60 days'),
  noPupilData: z.literal(true, 'confirm the report holds no pupil names or pupil-identifying details'),
});

export type DiagnosticReportInput = z.infer<typeof diagnosticReportInputSchema>;

/** The leader's report of a diagnostic visit; its own document, one per diagnostic deployment. */
export interface DiagnosticReport extends DiagnosticReportInput {
  id: string;
  allianceId: string;
  type: 'diagnosticReport';
  deploymentId: string;
  requestId: string;
  requestReference: string;
  supporterId: string;
  schoolUrn: string;
  submittedAt: string;
  /** The follow-on support request raised from this report, once there is one. */
  followOnRequestId?: string;
  history: AuditEntry[];
}

export function diagnosticReportId(deploymentId: string): string {
  return `diagnostic-report-${deploymentId.replace(/^deployment-/, '')}`;
}
