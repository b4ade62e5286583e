import { newAlliance, type Alliance } from '../../services/domain/alliance.js';
import type { AuditEntry } from '../../services/domain/audit.js';
import type { Deployment, DeploymentStatus } from '../../services/domain/deployment.js';
import type { RequestStatus } from '../../services/domain/request-lifecycle.js';
import { SPECIALISMS } from '../../services/domain/specialisms.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import type { DocumentBase } from '../../services/store/document-store.js';

/** Monday 30 Nov 2026, 08:00 in London: the digest of 2026-W48 (23–29 Nov) goes out. */
export const DIGEST_NOW = '2026-11-30T08:00:00Z';
export const DIGEST_WEEK = '2026-W48';
export const WEEK_BEFORE = '2026-W47';

type Step = [at: string, to: string, ref?: string];

/**
 * An alliance whose autumn term 2026 holds the same work at every size (requests made, matched,
 * waiting and evaluated in 2026-W48; deployments under way; earlier deployments of the term), and
 * `history` more deployments, each with its request, evaluated over the three years before the
 * week. For the bounds on what a digest reads as the history grows.
 */
export function allianceWithHistory(allianceId: string, history: number): DocumentBase[] {
  const alliance: Alliance = {
    ...newAlliance({ id: allianceId, name: 'Bench Hub', now: new Date('2023-09-01T00:00:00Z') }),
    managerChannel: { slack: { channelId: 'C0MANAGERS', linkedBy: 'person-m', linkedAt: '2023-09-01T00:00:00Z' } },
  };
  const docs: DocumentBase[] = [alliance];
  for (let n = 0; n < 20; n++) {
    docs.push({ id: `school-${100000 + n}`, allianceId, type: 'school', urn: String(100000 + n), name: `School ${n}`, phase: 'primary', updatedAt: '2023-09-01T00:00:00.000Z' } as DocumentBase);
    docs.push({ id: `person-s${n}`, allianceId, type: 'person', name: `Supporter ${n}`, role: 'supporter', updatedAt: '2023-09-01T00:00:00.000Z' } as DocumentBase);
  }
  let n = 0;
  const add = (steps: Step[], deployment?: { steps: Step[]; visits?: string[] }) => {
    const request = requestOf(allianceId, n, steps);
    docs.push(request);
    if (deployment) docs.push(deploymentOf(request, deployment.steps, deployment.visits));
    n += 1;
  };
  // The week: four new requests (two matched at once, two waiting), two evaluations.
  for (let i = 0; i < 2; i++) add([['2026-11-24T09:00Z', 'submitted'], ['2026-11-24T09:00Z', 'matching'], ['2026-11-25T10:00Z', 'proposed', `deployment-${n}`]], { steps: [['2026-11-25T10:00Z', 'proposed']] });
  for (let i = 0; i < 2; i++) add([['2026-11-26T09:00Z', 'submitted'], ['2026-11-26T09:00Z', 'matching']]);
  for (let i = 0; i < 2; i++) add([['2026-09-10T09:00Z', 'submitted'], ['2026-11-27T10:00Z', 'evaluated']], { steps: [['2026-09-15T09:00Z', 'proposed'], ['2026-11-27T10:00Z', 'evaluated']] });
  // Waiting since before the week; under way with visits ahead; finished earlier in the term.
  for (let i = 0; i < 3; i++) add([['2026-11-02T09:00Z', 'submitted'], ['2026-11-02T09:00Z', 'matching']]);
  for (let i = 0; i < 3; i++) add([['2026-10-01T09:00Z', 'submitted'], ['2026-10-20T09:00Z', 'planned']], { steps: [['2026-10-05T09:00Z', 'proposed'], ['2026-10-20T09:00Z', 'planned']], visits: ['2026-12-02', '2026-12-09'] });
  for (let i = 0; i < 4; i++) add([['2026-09-05T09:00Z', 'submitted'], ['2026-10-30T09:00Z', 'completed']], { steps: [['2026-09-08T09:00Z', 'proposed'], ['2026-10-30T09:00Z', 'completed']] });
  // Three years of closed work, up to the week before, this term's included.
  const [first, last] = [Date.parse('2023-09-04T09:00:00Z'), Date.parse('2026-11-20T09:00:00Z')];
  for (let i = 0; i < history; i++) {
    const at = new Date(first + Math.floor(((last - first) * i) / history)).toISOString();
    add([[at, 'submitted'], [at, 'evaluated']], { steps: [[at, 'proposed'], [at, 'evaluated']] });
  }
  return docs;
}

function historyOf(steps: Step[]): AuditEntry[] {
  return steps.map(([at, to, ref]) => ({ at: new Date(at).toISOString(), by: 'person-m', action: 'status', to, ...(ref ? { ref } : {}) }));
}

function requestOf(allianceId: string, n: number, steps: Step[]): SupportRequest {
  const urn = String(100000 + (n % 20));
  return {
    id: `request-${n}`, allianceId, type: 'supportRequest', reference: `S2S-2026-${String(n).padStart(4, '0')}`, schoolUrn: urn,
    requesterId: `person-h${urn}`, specialisms: [SPECIALISMS[n % SPECIALISMS.length]], phase: 'primary', need: 'A need', outcomes: 'Outcomes',
    daysWanted: 3, status: steps.at(-1)![1] as RequestStatus, candidates: [], excludedCandidateIds: [], createdVia: 'teams',
    createdAt: new Date(steps[0][0]).toISOString(), updatedAt: new Date(steps.at(-1)![0]).toISOString(), history: historyOf(steps),
  };
}

function deploymentOf(request: SupportRequest, steps: Step[], visits?: string[]): Deployment {
  const proposedAt = new Date(steps[0][0]).toISOString();
  const status = steps.at(-1)![1] as DeploymentStatus;
  const n = Number(request.id.slice('request-'.length));
  return {
    id: `deployment-${n}`, allianceId: request.allianceId, type: 'deployment', requestId: request.id, requestReference: request.reference,
    supporterId: `person-s${n % 20}`, schoolUrn: request.schoolUrn, schoolHeadIds: [request.requesterId], baseSchoolUrn: '100000', designation: 'SLE', dayRate: 250, daysCommitted: 3,
    status, proposedAt, createdAt: proposedAt, updatedAt: new Date(steps.at(-1)![0]).toISOString(), history: historyOf(steps),
    ...(status === 'evaluated' ? { effectivenessRating: 3 } : {}),
    ...(visits ? { plan: { objectives: [{ objective: 'o', successCriteria: 's', impactMeasure: 'i' }], days: 3, visitDates: visits, dayRate: 250, cost: 750, version: 1, status: 'confirmed', submittedBy: 'person-s1', submittedAt: proposedAt, confirmations: {} } } : {}),
  };
}
