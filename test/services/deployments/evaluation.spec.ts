import assert from 'node:assert/strict';
import { evaluateDeployment } from '../../../services/deployments/evaluate-deployment.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import type { EvaluationInput } from '../../../services/domain/evaluation.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { agreePlan, ALLIANCE, openWorld, outboxEvents, report, type World } from './deployment-fixtures.js';

const EVALUATION: EvaluationInput = {
  objectives: [
    { rating: 4, evidence: 'Reasoning seen in all Year 6 books' },
    { rating: 3, evidence: 'Lead ran two staff meetings' },
  ],
  effectiveness: 4,
  overall: 'Clear, practical support that staff valued',
};

describe('evaluation', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    await agreePlan(world);
    world.clock.set('2026-12-22T09:00:00Z');
  });
  afterEach(async () => { await world.close(); });

  const deliverAllDays = () => submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21', { daysUsed: 3 }));

  it('records the rating on the deployment and moves the request to evaluated', async () => {
    await deliverAllDays();
    const { deployment, evaluation } = await evaluateDeployment(world.ctx, world.head, world.deployment.id, EVALUATION);
    assert.equal(deployment.status, 'evaluated');
    assert.equal(deployment.effectivenessRating, 4);
    assert.deepEqual(evaluation.objectiveTexts, ['Improve KS2 reasoning in maths', 'Coach the maths lead']);
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, world.request.id))?.status, 'evaluated');
    const told = (await outboxEvents(world)).filter((e) => e.kind === 'deploymentEvaluated').map((e) => e.target);
    assert.deepEqual(told.sort(), [world.supporter.id, 'managerChannel'].sort());
  });

  it('answers a second evaluation with the first', async () => {
    await deliverAllDays();
    await evaluateDeployment(world.ctx, world.head, world.deployment.id, EVALUATION);
    const again = await evaluateDeployment(world.ctx, world.head, world.deployment.id, { ...EVALUATION, effectiveness: 1 });
    assert.equal(again.alreadyReceived, true);
    assert.equal(again.deployment.effectivenessRating, 4);
  });

  it('is for the supported school\'s head only, once the days are delivered', async () => {
    await assert.rejects(evaluateDeployment(world.ctx, world.head, world.deployment.id, EVALUATION), BotError);
    await deliverAllDays();
    await assert.rejects(evaluateDeployment(world.ctx, world.supporter, world.deployment.id, EVALUATION), ForbiddenError);
    await assert.rejects(evaluateDeployment(world.ctx, world.otherHead, world.deployment.id, EVALUATION), ForbiddenError);
    await assert.rejects(evaluateDeployment(world.ctx, world.head, world.deployment.id, { ...EVALUATION, effectiveness: 5 }), ValidationError);
  });
});
