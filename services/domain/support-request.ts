import { z } from 'zod';
import type { ChannelKind } from '../identity/channel-identity.js';
import type { DueFields } from '../service-levels/due-actions.js';
import type { AuditEntry } from './audit.js';
import { atLeastOneOf, dayCount, isoDate, oneOf, optionalText, requiredText } from './input-fields.js';
import { PHASES, type Phase } from './phases.js';
import type { RequestStatus } from './request-lifecycle.js';
import { SPECIALISMS, type Specialism } from './specialisms.js';

export const REQUEST_LIMITS = { need: [20, 2000], outcomes: [10, 2000], days: [0.5, 60], ofstedContext: 1000 } as const;

/** A head's request as any channel (or the CLI) gives it; `today` is England's date, the earliest start. */
export function supportRequestInputSchema({ today }: { today: string }) {
  return z.object({
    specialisms: atLeastOneOf(SPECIALISMS, { noun: 'specialism' }),
    phase: oneOf(PHASES, { noun: 'phase' }),
    need: requiredText({ min: REQUEST_LIMITS.need[0], max: REQUEST_LIMITS.need[1] }),
    outcomes: requiredText({ min: REQUEST_LIMITS.outcomes[0], max: REQUEST_LIMITS.outcomes[1] }),
    daysWanted: dayCount({ min: REQUEST_LIMITS.days[0], max: REQUEST_LIMITS.days[1] }),
    preferredStart: isoDate({ notBefore: today }),
    ofstedContext: optionalText({ max: REQUEST_LIMITS.ofstedContext }),
  });
}

export type SupportRequestInput = z.infer<ReturnType<typeof supportRequestInputSchema>>;

/** A manager declining a request, or a supporter a proposal: the reason the other side reads. */
export const declineInputSchema = z.object({ reason: requiredText({ min: 5, max: 500 }) });
export type DeclineInput = z.infer<typeof declineInputSchema>;

/** A candidate the matcher proposed, frozen on the request so the manager's card and the record agree. */
export interface CandidateSnapshot {
  personId: string;
  name: string;
  score: number;
  reason: string;
}

export interface Decision {
  by: string;
  byName: string;
  at: string;
  outcome: 'approved' | 'declined' | 'on-hold';
  candidateId?: string;
  reason?: string;
}

/** What is asked for: support itself, or first a diagnostic visit to find out what support is needed. */
export type RequestKind = 'support' | 'diagnostic';

export interface SupportRequest extends DueFields {
  id: string;
  allianceId: string;
  type: 'supportRequest';
  /** Human reference such as S2S-2026-0042. */
  reference: string;
  /** Absent on requests made before diagnostics existed: those are support. */
  kind?: RequestKind;
  /** The diagnostic report this support request follows on from. */
  followsDiagnosticReportId?: string;
  schoolUrn: string;
  requesterId: string;
  specialisms: Specialism[];
  phase: Phase;
  need: string;
  outcomes: string;
  daysWanted: number;
  preferredStart?: string;
  ofstedContext?: string;
  status: RequestStatus;
  candidates: CandidateSnapshot[];
  /** Where in the ranking the candidates on the card start ("Other candidates" pages on). */
  candidateOffset?: number;
  /** Supporters who were proposed and declined, or were passed over: not proposed again. */
  excludedCandidateIds: string[];
  decision?: Decision;
  matchedSupporterId?: string;
  createdVia: ChannelKind | 'cli';
  createdAt: string;
  updatedAt: string;
  history: AuditEntry[];
}

export function requestKind(request: Pick<SupportRequest, 'kind'>): RequestKind {
  return request.kind ?? 'support';
}
