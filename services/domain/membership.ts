import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ChannelKind } from '../identity/channel-identity.js';
import type { AuditEntry } from './audit.js';
import { schoolFieldsSchema, type SchoolFields } from './school.js';

/** How an alliance takes join requests from the bot. Without it, schools join by the admin's import only. */
export interface JoiningSettings {
  /**
   * Whether people the bot does not know may see this alliance's name and ask to join it. Unlisted
   * alliances stay invisible: a stranger never learns who else uses the bot.
   */
  listed: boolean;
  /** The memorandum of understanding a school acknowledges before asking to join (seed 004). */
  memorandum: string;
  updatedAt: string;
}

export const joiningSettingsInputSchema = z.object({
  listed: z.boolean(),
  memorandum: z.string().trim().min(20, 'the memorandum needs some text (20 characters or more)').max(6000, 'keep the memorandum under 6,000 characters'),
});

/** Identifies the memorandum text a school acknowledged, so a later edit shows which version they saw. */
export function memorandumVersion(memorandum: string): string {
  return createHash('sha256').update(memorandum).digest('hex').slice(0, 16);
}

export const MEMBERSHIP_ACTIONS = ['join', 'leave'] as const;
export type MembershipAction = (typeof MEMBERSHIP_ACTIONS)[number];
export type MembershipStatus = 'pending' | 'approved' | 'declined';

/** A head asks for their school to join: the school's details and how to reach them. */
export const joinRequestInputSchema = z.object({
  school: schoolFieldsSchema.pick({ urn: true, name: true, phase: true, localAuthority: true, postcode: true, trust: true }),
  headName: z.string().trim().min(1, 'give your name').max(200),
  email: z.email('not an email address').transform((email) => email.toLowerCase()),
  memorandumAcknowledged: z.literal(true, 'your school needs to acknowledge the memorandum of understanding to join'),
});

export type JoinRequestInput = z.input<typeof joinRequestInputSchema>;

/** Who is asking, as the channel says (never from the form): the person added on approval speaks as this. */
export interface MembershipRequester {
  channel: ChannelKind;
  userId: string;
  /** Where to tell them the answer, before they are in the directory. */
  address: Record<string, unknown>;
  /** The person already in this alliance, for a leave request. */
  personId?: string;
}

export interface MembershipDecision {
  by: string;
  byName: string;
  at: string;
  outcome: 'approved' | 'declined';
  reason?: string;
}

/** A school asking to join or leave an alliance; kept in the alliance's partition, decided by its managers. */
export interface MembershipRequest {
  id: string;
  allianceId: string;
  type: 'membershipRequest';
  action: MembershipAction;
  status: MembershipStatus;
  school: Pick<SchoolFields, 'urn' | 'name' | 'phase' | 'localAuthority' | 'postcode' | 'trust'>;
  headName: string;
  email: string;
  /** True when the email came from Teams or Slack rather than being typed in. */
  emailConfirmedByChannel: boolean;
  requester: MembershipRequester;
  memorandum?: { version: string; acknowledgedAt: string };
  /** Why the school wants to leave, in the head's words (leave requests only). */
  reason?: string;
  decision?: MembershipDecision;
  createdAt: string;
  updatedAt: string;
  history: AuditEntry[];
}

/** One open request per school and action, so asking twice shows the first. */
export function membershipRequestId(action: MembershipAction, urn: string): string {
  return `membership-${action}-${urn}`;
}
