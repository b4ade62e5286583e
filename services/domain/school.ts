import { z } from 'zod';
import { PHASES } from './phases.js';

export const OFSTED_JUDGEMENTS = [
  'outstanding', 'good', 'requires-improvement', 'inadequate', 'serious-weaknesses', 'special-measures',
  'exceptional', 'strong', 'expected', 'needs-attention', 'urgent-improvement', 'not-inspected',
] as const;

export const urnSchema = z.string().regex(/^\d{6}$/, 'a URN is 6 digits');

export const schoolFieldsSchema = z.object({
  urn: urnSchema,
  name: z.string().trim().min(1, 'a school needs a name').max(200),
  phase: z.enum(PHASES),
  localAuthority: z.string().trim().max(100).optional(),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'not a UK postcode')
    .optional(),
  trust: z.string().trim().max(200).optional(),
  ofstedJudgement: z.enum(OFSTED_JUDGEMENTS).optional(),
  ofstedDate: z.iso.date('use YYYY-MM-DD').optional(),
});

export type SchoolFields = z.infer<typeof schoolFieldsSchema>;

export interface School extends SchoolFields {
  id: string;
  allianceId: string;
  type: 'school';
  updatedAt: string;
  /**
   * When the school left this alliance (services/membership/leave-alliance.ts). The record stays for
   * finance and history; its heads can no longer ask for support here.
   */
  leftAt?: string;
}

export function schoolId(urn: string): string {
  return `school-${urn}`;
}
