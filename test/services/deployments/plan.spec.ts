import assert from 'node:assert/strict';
import { confirmPlan, requestPlanChanges } from '../../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../../services/deployments/submit-plan.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { ALLIANCE, openWorld, outboxEvents, PLAN, type World } from './deployment-fixtures.js';

describe('deployment plan', () => {
  let world: World;
  beforeEach(async () => { world = await openWorld(); });
  afterEach(async () => { await world.close(); });

  it('is costed at days × the deployment day rate and waits for three confirmations', async () => {
    const submitted = await submitPlan(world.ctx, world.supporter, world.deployment.id, PLAN);
    assert.equal(submitted.plan?.cost, 750);
    assert.equal(submitted.plan?.status, 'awaiting-confirmation');
    assert.deepEqual((await outboxEvents(world)).map((e) => e.kind), ['planSubmitted', 'planSubmitted', 'planSubmitted']);

    await confirmPlan(world.ctx, world.supporter, world.deployment.id);
    await confirmPlan(world.ctx, world.manager, world.deployment.id);
    const partial = await world.store.get<SupportRequest>(ALLIANCE, world.request.id);
    assert.equal(partial?.status, 'accepted');

    const { deployment, request } = await confirmPlan(world.ctx, world.head, world.deployment.id);
    assert.equal(deployment.status, 'planned');
    assert.equal(deployment.plan?.status, 'confirmed');
    assert.equal(request.status, 'planned');
    assert.deepEqual(deployment.history.map((h) => h.action), ['status', 'plan-submitted', 'plan-confirmed', 'plan-confirmed', 'status']);
    assert.equal(request.history.at(-1)?.ref, world.deployment.id);
    const agreed = (await outboxEvents(world)).filter((e) => e.kind === 'planAgreed').map((e) => e.target);
    assert.deepEqual(agreed.sort(), [world.head.id, world.supporter.id, 'managerChannel'].sort());
  });

  it('refuses anyone but the three parties', async () => {
    await assert.rejects(submitPlan(world.ctx, world.head, world.deployment.id, PLAN), ForbiddenError);
    await submitPlan(world.ctx, world.supporter, world.deployment.id, PLAN);
    await assert.rejects(confirmPlan(world.ctx, world.otherHead, world.deployment.id), ForbiddenError);
    await assert.rejects(requestPlanChanges(world.ctx, world.otherHead, world.deployment.id, { comment: 'not this' }), ForbiddenError);
  });

  it('refuses a plan without objectives', async () => {
    await assert.rejects(submitPlan(world.ctx, world.supporter, world.deployment.id, { ...PLAN, objectives: [] }), (error: unknown) =>
      error instanceof ValidationError && error.problems.some((p) => p.field === 'objectives'));
  });

  it('reopens on a change request, clearing confirmations until a new version is submitted', async () => {
    await submitPlan(world.ctx, world.supporter, world.deployment.id, PLAN);
    await confirmPlan(world.ctx, world.supporter, world.deployment.id);
    const reopened = await requestPlanChanges(world.ctx, world.head, world.deployment.id, { comment: 'Visits must avoid mocks week' });
    assert.equal(reopened.plan?.status, 'changes-requested');
    assert.deepEqual(reopened.plan?.confirmations, {});
    await assert.rejects(confirmPlan(world.ctx, world.manager, world.deployment.id), BotError);

    const revised = await submitPlan(world.ctx, world.supporter, world.deployment.id, { ...PLAN, days: 4, visitDates: [...PLAN.visitDates, '2027-02-01'] });
    assert.equal(revised.plan?.version, 2);
    assert.equal(revised.plan?.cost, 1000);
    for (const party of [world.manager, world.head, world.supporter]) await confirmPlan(world.ctx, party, world.deployment.id);
    const planned = await world.store.get<SupportRequest>(ALLIANCE, world.request.id);
    assert.equal(planned?.status, 'planned');
  });

  it('keeps both confirmations when two parties confirm at the same moment', async () => {
    await submitPlan(world.ctx, world.supporter, world.deployment.id, PLAN);
    await Promise.all([confirmPlan(world.ctx, world.manager, world.deployment.id), confirmPlan(world.ctx, world.head, world.deployment.id)]);
    await confirmPlan(world.ctx, world.supporter, world.deployment.id);
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, world.request.id))?.status, 'planned');
  });

  it('treats a second confirmation by the same party as already done', async () => {
    await submitPlan(world.ctx, world.supporter, world.deployment.id, PLAN);
    const first = await confirmPlan(world.ctx, world.manager, world.deployment.id);
    const again = await confirmPlan(world.ctx, world.manager, world.deployment.id);
    assert.equal(again.deployment._etag, first.deployment._etag);
  });
});
