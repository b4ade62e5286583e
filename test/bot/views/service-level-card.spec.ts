import assert from 'node:assert/strict';
import { buildEscalationCard } from '../../../bot/views/service-level-card.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { DueRecord } from '../../../services/service-levels/due-items.js';
import type { Stage } from '../../../services/service-levels/settings.js';

const deployment = (status: Deployment['status']) => ({ type: 'deployment', id: 'deployment-1', requestId: 'request-1', requestReference: 'S2S-2026-0001', status }) as Deployment;
const request = { type: 'supportRequest', id: 'request-1', reference: 'S2S-2026-0001', status: 'matching' } as SupportRequest;

const buttonsOf = (record: DueRecord, stage: Stage) => {
  const card = buildEscalationCard({ record, stage, dueDate: '2026-11-26', today: '2026-12-01', waitsOn: ['supporter'] });
  return card.elements.flatMap((element) => (element.type === 'actions' ? element.buttons.map((b) => [b.label, b.actionId, JSON.stringify(b.data)]) : []));
};

describe('escalation card: the actions that unblock each stage', () => {
  it('offers remind, re-assign and withdraw on an unanswered proposal', () => {
    assert.deepEqual(buttonsOf(deployment('proposed'), 'answer'), [
      ['Remind again', 'sla.remind-again', '{"requestId":"request-1"}'],
      ['Re-assign', 'proposal.reassign', '{"deploymentId":"deployment-1"}'],
      ['Withdraw', 'proposal.withdraw', '{"deploymentId":"deployment-1"}'],
    ]);
  });

  it('offers complete beside remind on overdue reports while visits go on, and only remind on other stages', () => {
    assert.deepEqual(buttonsOf(deployment('active'), 'visit-report').map(([label]) => label), ['Remind again', 'Complete']);
    assert.deepEqual(buttonsOf(deployment('planned'), 'visit-report').map(([label]) => label), ['Remind again']);
    assert.deepEqual(buttonsOf(deployment('accepted'), 'plan-draft').map(([label]) => label), ['Remind again']);
    assert.deepEqual(buttonsOf(deployment('active'), 'mid-term').map(([label]) => label), ['Remind again']);
  });

  it('sends a slipping manager decision to the request card, and dates read the British way', () => {
    assert.deepEqual(buttonsOf(request, 'decision').map(([label]) => label), ['Open the request']);
    const card = JSON.stringify(buildEscalationCard({ record: request, stage: 'decision', dueDate: '2026-11-26', today: '2026-12-01', waitsOn: ['alliance'] }));
    assert.match(card, /Thu 26 Nov 2026 \(5 days overdue\)/);
    assert.doesNotMatch(card, /2026-11-26/);
  });
});
