import assert from 'node:assert/strict';
import { completeDeployment } from '../../../services/deployments/complete-deployment.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { agreePlan, ALLIANCE, openWorld, outboxEvents, report, type World } from './deployment-fixtures.js';

describe('visit reports', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    await agreePlan(world);
    world.clock.set('2026-12-22T16:00:00Z');
  });
  afterEach(async () => { await world.close(); });

  const requestStatus = async () => (await world.store.get<SupportRequest>(ALLIANCE, world.request.id))?.status;

  it('stores the report, makes the deployment active and tells the head and the managers', async () => {
    const { report: stored, deployment, alreadyReceived } = await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
    assert.equal(alreadyReceived, false);
    assert.equal(stored.type, 'visitReport');
    assert.deepEqual(stored.objectives, ['Improve KS2 reasoning in maths', 'Coach the maths lead']);
    assert.equal(deployment.status, 'active');
    assert.equal(await requestStatus(), 'active');
    const told = (await outboxEvents(world)).filter((e) => e.kind === 'visitReportSubmitted').map((e) => e.target);
    assert.deepEqual(told.sort(), [world.head.id, 'managerChannel'].sort());
  });

  it('stores a double submit once', async () => {
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
    const again = await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21', { daysUsed: 2 }));
    assert.equal(again.alreadyReceived, true);
    const reports = await world.store.query<VisitReport>(ALLIANCE, { type: 'visitReport' });
    assert.deepEqual(reports.map((r) => r.daysUsed), [1]);
  });

  it('refuses a report without the no-pupil-data confirmation', async () => {
    const unconfirmed = { ...report('2026-12-21'), noPupilData: false } as unknown as Parameters<typeof submitVisitReport>[3];
    await assert.rejects(submitVisitReport(world.ctx, world.supporter, world.deployment.id, unconfirmed), (error: unknown) =>
      error instanceof ValidationError && error.problems.some((p) => p.field === 'noPupilData'));
    assert.equal((await world.store.query(ALLIANCE, { type: 'visitReport' })).length, 0);
  });

  it('refuses anyone but the supporter, a future visit and missing objectives', async () => {
    await assert.rejects(submitVisitReport(world.ctx, world.head, world.deployment.id, report('2026-12-21')), ForbiddenError);
    await assert.rejects(submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2027-01-11')), ValidationError);
    const oneObjective = report('2026-12-21', { progress: [{ rag: 'red', comment: 'Not started' }] });
    await assert.rejects(submitVisitReport(world.ctx, world.supporter, world.deployment.id, oneObjective), ValidationError);
  });

  it('completes the deployment when reports reach the planned days', async () => {
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21', { daysUsed: 1 }));
    await assert.rejects(completeDeployment(world.ctx, world.supporter, world.deployment.id), BotError);
    world.clock.set('2027-01-12T10:00:00Z');
    const { deployment } = await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2027-01-11', { daysUsed: 2 }));
    assert.equal(deployment.status, 'completed');
    assert.equal(await requestStatus(), 'completed');
    assert.deepEqual(deployment.cancelledVisits, ['2027-01-25'], 'the visit the days no longer need is cancelled');
    const told = (await outboxEvents(world)).filter((e) => e.kind === 'deploymentCompleted').map((e) => e.target);
    assert.deepEqual(told.sort(), [world.head.id, world.supporter.id, 'managerChannel'].sort());
  });

  it('lets the manager complete a deployment early, but not a head', async () => {
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
    await assert.rejects(completeDeployment(world.ctx, world.head, world.deployment.id), ForbiddenError);
    const completed = await completeDeployment(world.ctx, world.manager, world.deployment.id);
    assert.equal(completed.status, 'completed');
    assert.equal(completed.history.at(-1)?.note, '1 of 3 days delivered');
  });
});
