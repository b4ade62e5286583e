import type { Alliance } from '../../../services/domain/alliance.js';
import { newAlliance } from '../../../services/domain/alliance.js';
import type { AuditEntry } from '../../../services/domain/audit.js';
import type { Deployment, DeploymentStatus } from '../../../services/domain/deployment.js';
import type { DeploymentPlan } from '../../../services/domain/deployment-plan.js';
import type { RequestStatus } from '../../../services/domain/request-lifecycle.js';
import type { Specialism } from '../../../services/domain/specialisms.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { DocumentStore } from '../../../services/store/document-store.js';

/** [when, status, ref]: one status change; the record's status is the last one. */
export type Step = [at: string, to: string, ref?: string];

/** Stored times are always Date#toISOString, as the services write them. */
export const iso = (at: string) => new Date(at).toISOString();

function history(steps: Step[]): AuditEntry[] {
  return steps.map(([at, to, ref], i) => ({ at: iso(at), by: 'person-m', action: 'status', ...(i ? { from: steps[i - 1][1] } : {}), to, ...(ref ? { ref } : {}) }));
}

export function alliance(id: string, name: string, withChannel = true): Alliance {
  return {
    ...newAlliance({ id, name, now: new Date('2026-09-01T00:00:00Z') }),
    ...(withChannel ? { managerChannel: { slack: { channelId: 'C0MANAGERS', linkedBy: 'person-m', linkedAt: '2026-09-01T00:00:00Z' } } } : {}),
  };
}

export function request(allianceId: string, n: number, specialism: Specialism, steps: Step[], extra: Partial<SupportRequest> = {}): SupportRequest {
  return {
    id: `request-${n}`, allianceId, type: 'supportRequest', reference: `S2S-2026-${String(n).padStart(4, '0')}`,
    schoolUrn: String(990000 + n), requesterId: `person-h${n}`, specialisms: [specialism, 'send'], phase: 'primary',
    need: 'A need', outcomes: 'Outcomes', daysWanted: 3, status: steps.at(-1)![1] as RequestStatus,
    candidates: [], excludedCandidateIds: [], createdVia: 'teams',
    createdAt: iso(steps[0][0]), updatedAt: iso(steps.at(-1)![0]), history: history(steps), ...extra,
  };
}

export function deployment(allianceId: string, id: string, requestN: number, steps: Step[], money: { days: number; rate: number; supporter?: string }, extra: Partial<Deployment> = {}): Deployment {
  return {
    id, allianceId, type: 'deployment', requestId: `request-${requestN}`, requestReference: `S2S-2026-${String(requestN).padStart(4, '0')}`,
    supporterId: money.supporter ?? 'person-s1', schoolUrn: String(990000 + requestN), schoolHeadIds: [`person-h${requestN}`], baseSchoolUrn: '990900', designation: 'SLE',
    dayRate: money.rate, daysCommitted: money.days, status: steps.at(-1)![1] as DeploymentStatus,
    proposedAt: iso(steps[0][0]), createdAt: iso(steps[0][0]), updatedAt: iso(steps.at(-1)![0]), history: history(steps), ...extra,
  };
}

export function plan(visitDates: string[], days: number, dayRate: number): DeploymentPlan {
  return {
    objectives: [{ objective: 'o', successCriteria: 's', impactMeasure: 'i' }], days, visitDates, dayRate, cost: days * dayRate,
    version: 1, status: 'confirmed', submittedBy: 'person-s1', submittedAt: '2026-11-01T00:00:00Z', confirmations: {},
  };
}

export async function seed(store: DocumentStore, docs: Array<{ id: string; allianceId: string; type: string }>): Promise<void> {
  for (const doc of docs) await store.create(doc);
}

export function school(allianceId: string, n: number, name: string) {
  return { id: `school-${990000 + n}`, allianceId, type: 'school', urn: String(990000 + n), name, phase: 'primary', updatedAt: '2026-09-01T00:00:00Z' };
}

export function person(allianceId: string, id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, allianceId, type: 'person', name, email: `${id}@example.org`, role: 'supporter', specialisms: [], phases: [], daysPerYear: 10, updatedAt: '2026-09-01T00:00:00Z', ...extra };
}

/** A visit report: only what counts days (see deploymentDays). */
export function visitReport(allianceId: string, deploymentId: string, visitDate: string, daysUsed: number) {
  return { id: `visit-report-${deploymentId}-${visitDate}`, allianceId, type: 'visitReport', deploymentId, visitDate, daysUsed };
}
