import type { AuditEntry } from './audit.js';
import type { Phase } from './phases.js';
import type { RequestStatus } from './request-lifecycle.js';
import type { Specialism } from './specialisms.js';

export type ChannelKind = 'teams' | 'slack' | 'cli';

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

export interface SupportRequest {
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
  /** Supporters who were proposed and declined, or were passed over: not proposed again. */
  excludedCandidateIds: string[];
  decision?: Decision;
  matchedSupporterId?: string;
  createdVia: ChannelKind;
  createdAt: string;
  updatedAt: string;
  history: AuditEntry[];
}

export function requestKind(request: Pick<SupportRequest, 'kind'>): RequestKind {
  return request.kind ?? 'support';
}
