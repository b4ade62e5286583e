import { z } from 'zod';
import { DESIGNATIONS } from './designations.js';
import { PHASES, type Phase } from './phases.js';
import { SPECIALISMS, type Specialism } from './specialisms.js';
import { urnSchema } from './school.js';

export const ROLES = ['head', 'supporter', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const personFieldsSchema = z
  .object({
    email: z.email('not an email address').transform((email) => email.toLowerCase()),
    name: z.string().trim().min(1, 'a person needs a name').max(200),
    role: z.enum(ROLES),
    baseSchoolUrn: urnSchema.optional(),
    designation: z.enum(DESIGNATIONS).optional(),
    specialisms: z.array(z.enum(SPECIALISMS as [Specialism, ...Specialism[]])).default([]),
    phases: z.array(z.enum(PHASES)).default([]),
    daysPerYear: z.number().int().min(0).max(200).default(0),
    teamsAadObjectId: z.string().trim().min(1).max(100).optional(),
    slackUserId: z.string().trim().regex(/^[UW][A-Z0-9]{2,20}$/, 'a Slack user id looks like U012ABCDEF').optional(),
    /** May schools message this person directly? Unset means the default for their designation (direct-contact.ts). */
    contactDirectly: z.boolean().optional(),
  })
  .superRefine((person, ctx) => {
    if (person.role === 'supporter') {
      if (!person.designation) ctx.addIssue({ code: 'custom', path: ['designation'], message: 'a supporter needs a designation' });
      if (person.specialisms.length === 0) ctx.addIssue({ code: 'custom', path: ['specialisms'], message: 'a supporter needs at least one specialism' });
      if (!person.baseSchoolUrn) ctx.addIssue({ code: 'custom', path: ['baseSchoolUrn'], message: 'a supporter needs a base school' });
    }
    if (person.role === 'head' && !person.baseSchoolUrn) {
      ctx.addIssue({ code: 'custom', path: ['baseSchoolUrn'], message: 'a head needs a base school' });
    }
  });

export type PersonFields = z.infer<typeof personFieldsSchema>;

export interface Person extends PersonFields {
  id: string;
  allianceId: string;
  type: 'person';
  specialisms: Specialism[];
  phases: Phase[];
  updatedAt: string;
  /** Set when the person's data was erased on request; the record stays for aggregate figures. */
  erasedAt?: string;
  /**
   * How many notifications the outbox gave up delivering to them since they were last shown what
   * waits for them: their next turn looks for those only when this is set (missed-notifications.ts).
   */
  missedNotifications?: number;
}

/** Alliance managers and admins: they broker, decide and see the whole alliance. */
export function isManager(person: Pick<Person, 'role'> | undefined): boolean {
  return person?.role === 'manager' || person?.role === 'admin';
}
