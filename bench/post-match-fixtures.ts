import type { GeneratedSpeakers } from '../scripts/generate-directory.js';
import type { DeploymentPlan } from '../services/domain/deployment-plan.js';
import type { Deployment } from '../services/domain/deployment.js';
import type { SupportRequest } from '../services/domain/support-request.js';
import type { DocumentBase } from '../services/store/document-store.js';

/** A visit before the bench's clock (Mon 23 Nov 2026), so its report can be sent now. */
export const PAST_VISIT = '2026-11-20';

/** The `n`th request postMatchFixtures leaves waiting for the manager's decision. */
export function waitingRequestId(n: number): string {
  return `request-waiting-${n}`;
}

/**
 * For each of `count` turns, a deployment of the generated supporter at the generated head's school
 * whose plan waits for the head's confirmation (the supporter has confirmed), one under way whose
 * visit on PAST_VISIT waits for the supporter's report, and a request of that school waiting for the
 * manager's decision: what the plan-confirm, visit-report and manager-decision turns act on.
 */
export function postMatchFixtures(allianceId: string, speakers: GeneratedSpeakers, count: number): DocumentBase[] {
  const at = '2026-11-02T09:00:00.000Z';
  const docs: DocumentBase[] = [];
  const plan = (status: DeploymentPlan['status'], confirmations: DeploymentPlan['confirmations']): DeploymentPlan => ({
    objectives: [{ objective: 'Improve calculation fluency in year 5', successCriteria: 'Books show written methods', impactMeasure: 'Termly arithmetic test' }],
    days: 2, visitDates: [PAST_VISIT, '2026-12-04'], dayRate: 350, cost: 700, version: 1, status,
    submittedBy: speakers.supporter.id, submittedAt: at, confirmations,
  });
  const supportRequest = (id: string, reference: string, status: SupportRequest['status']): SupportRequest => ({
    id, allianceId, type: 'supportRequest', reference, schoolUrn: speakers.head.baseSchoolUrn!, requesterId: speakers.head.id,
    specialisms: ['maths'], phase: 'primary', need: 'Arithmetic', outcomes: 'Better arithmetic', daysWanted: 2, status, candidates: [],
    excludedCandidateIds: [], createdVia: 'teams', createdAt: at, updatedAt: at, history: [{ at, by: speakers.head.id, action: 'status', to: 'submitted' }],
  });
  const pair = (id: string, status: Deployment['status'], deploymentPlan: DeploymentPlan) => {
    const request = supportRequest(`request-${id}`, `S2S-2026-9${id.replace(/\D/g, '').padStart(3, '0')}`, status === 'accepted' ? 'accepted' : 'planned');
    const deployment: Deployment = {
      id, allianceId, type: 'deployment', requestId: request.id, requestReference: request.reference, supporterId: speakers.supporter.id,
      schoolUrn: request.schoolUrn, schoolHeadIds: [speakers.head.id], baseSchoolUrn: speakers.supporter.baseSchoolUrn!,
      designation: speakers.supporter.designation!, dayRate: 350, daysCommitted: 2, status, proposedAt: at, createdAt: at, updatedAt: at,
      plan: deploymentPlan, history: [{ at, by: speakers.manager.id, action: 'status', to: 'proposed' }],
    };
    docs.push(request, deployment);
  };
  for (let n = 0; n <= count; n++) {
    pair(`deployment-plan-${n}`, 'accepted', plan('awaiting-confirmation', { supporter: { by: speakers.supporter.id, at } }));
    pair(`deployment-visit-${n}`, 'planned', plan('confirmed', {
      supporter: { by: speakers.supporter.id, at }, alliance: { by: speakers.manager.id, at }, school: { by: speakers.head.id, at },
    }));
    docs.push(supportRequest(waitingRequestId(n), `S2S-2026-8${String(n).padStart(4, '0')}`, 'matching'));
  }
  return docs;
}
