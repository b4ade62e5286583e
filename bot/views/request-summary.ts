import { showDate } from '../../services/domain/show-date.js';
import type { Fact } from '../../cards/message-card.js';
import { PHASE_LABELS } from '../../services/domain/phases.js';
import type { School } from '../../services/domain/school.js';
import { SPECIALISM_LABELS } from '../../services/domain/specialisms.js';
import { requestKind, type SupportRequest } from '../../services/domain/support-request.js';
import { REQUEST_PROGRESS } from '../../services/requests/request-progress.js';

export function specialismList(request: Pick<SupportRequest, 'specialisms'>): string {
  return request.specialisms.map((s) => SPECIALISM_LABELS[s]).join(', ');
}

/** The facts every view of a request shares. */
export function requestFacts(request: SupportRequest, school?: School): Fact[] {
  return [
    { label: 'Reference', value: request.reference },
    { label: 'Kind', value: requestKind(request) === 'diagnostic' ? 'Diagnostic visit' : request.followsDiagnosticReportId ? 'Support, following a diagnostic visit' : 'Support' },
    { label: 'School', value: school ? `${school.name} (URN ${school.urn})` : `URN ${request.schoolUrn}` },
    { label: 'Areas', value: specialismList(request) || 'the whole school' },
    { label: 'Phase', value: PHASE_LABELS[request.phase] },
    { label: 'Days wanted', value: String(request.daysWanted) },
    ...(request.preferredStart ? [{ label: 'Preferred start', value: showDate(request.preferredStart) }] : []),
    { label: 'Status', value: REQUEST_PROGRESS[request.status].label },
  ];
}

/** The school's context for the manager: phase, authority, trust and inspection. */
export function schoolContext(school?: School): string | undefined {
  if (!school) return undefined;
  const parts = [
    PHASE_LABELS[school.phase],
    school.localAuthority,
    school.trust ? `trust: ${school.trust}` : 'no trust',
    school.ofstedJudgement ? `Ofsted: ${school.ofstedJudgement.replace(/-/g, ' ')}${school.ofstedDate ? ` (${showDate(school.ofstedDate)})` : ''}` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}
