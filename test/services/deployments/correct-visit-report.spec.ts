import assert from 'node:assert/strict';
import { checkVisitReport } from '../../../services/deployments/check-visit-report.js';
import { completeDeployment } from '../../../services/deployments/complete-deployment.js';
import { correctVisitReport } from '../../../services/deployments/correct-visit-report.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { BotError, ForbiddenError } from '../../../services/errors.js';
import { listMyWork } from '../../../services/requests/list-my-work.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { ALLIANCE, openWorldWithReport, outboxEvents, report, type World } from './deployment-fixtures.js';

describe('the supporter corrects a visit report', () => {
  let world: World;
  let reportId: string;
  beforeEach(async () => {
    ({ world, reportId } = await openWorldWithReport());
    world.clock.set('2026-12-23T10:00:00Z');
  });
  afterEach(async () => { await world.close(); });

  const stored = async () => (await world.store.get<VisitReport>(ALLIANCE, reportId))!;
  const deploymentStatus = async () => (await world.store.get<Deployment>(ALLIANCE, world.deployment.id))?.status;
  const corrections = async () => (await outboxEvents(world)).filter((e) => e.kind === 'visitReportCorrected');
  const corrected = (fields: Parameters<typeof report>[1]) => report('2026-12-21', fields);
  const correctSteps = async (person: World['supporter']) => (await listMyWork(world.ctx, person)).items.flatMap((item) => item.steps).filter((s) => s === 'correctReport');

  it('replaces the fields, keeps the visit date, notes which fields changed and tells the school and the managers', async () => {
    const outcome = await correctVisitReport(world.ctx, world.supporter, reportId, {
      ...corrected({ activities: 'Book scrutiny and three lesson visits', progress: [{ rag: 'amber', comment: 'Reasoning prompts in every lesson seen' }, { rag: 'amber', comment: 'Lead co-planned the meeting' }] }),
      visitDate: '2026-12-14',
    });
    assert.deepEqual(outcome.changed, ['the rating of objective 1', 'what was done']);
    const after = await stored();
    assert.equal(after.visitDate, '2026-12-21', 'the date names the report and stays');
    assert.equal(after.activities, 'Book scrutiny and three lesson visits');
    assert.equal(after.progress[0].rag, 'amber');
    assert.deepEqual(after.history.at(-1), { at: '2026-12-23T10:00:00.000Z', by: world.supporter.id, action: 'corrected', note: 'Changed the rating of objective 1, what was done' });
    assert.ok(!JSON.stringify(after.history).includes('three lesson visits'), 'the history never holds the text');
    assert.deepEqual((await corrections()).map((e) => e.target).sort(), [world.head.id, 'managerChannel'].sort());
    assert.equal((await world.store.query(ALLIANCE, { type: 'visitReport' })).length, 1);
  });

  it('changes nothing the second time the same correction arrives', async () => {
    const first = await correctVisitReport(world.ctx, world.supporter, reportId, corrected({ nextSteps: 'Lead to run two staff meetings' }));
    const again = await correctVisitReport(world.ctx, world.supporter, reportId, corrected({ nextSteps: 'Lead to run two staff meetings' }));
    assert.deepEqual(again.changed, []);
    assert.equal((await stored())._etag, first.report._etag);
    assert.equal((await stored()).history.filter((e) => e.action === 'corrected').length, 1);
    assert.equal((await corrections()).length, 2, 'one message each to the head and the channel, not two');
  });

  it('completes the deployment when corrected days reach the plan, and lets days fall while it is active', async () => {
    await correctVisitReport(world.ctx, world.supporter, reportId, corrected({ daysUsed: 2 }));
    assert.equal(await deploymentStatus(), 'active');
    world.clock.set('2027-01-12T10:00:00Z');
    const second = await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2027-01-11', { daysUsed: 0.5 }));
    assert.equal(second.deployment.status, 'active');
    await correctVisitReport(world.ctx, world.supporter, reportId, corrected({ daysUsed: 1.5 }));
    assert.equal(await deploymentStatus(), 'active', 'fewer days than needed is fine while active');
    const outcome = await correctVisitReport(world.ctx, world.supporter, second.report.id, report('2027-01-11', { daysUsed: 1.5 }));
    assert.deepEqual(outcome.changed, ['days used (0.5 to 1.5)']);
    assert.equal(outcome.deployment.status, 'completed');
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, world.request.id))?.status, 'completed');
    assert.ok((await outboxEvents(world)).some((e) => e.kind === 'deploymentCompleted' && e.target === world.head.id));
  });

  it('refuses everyone but the supporter who wrote it, changing nothing', async () => {
    for (const person of [world.head, world.manager, world.otherHead]) {
      await assert.rejects(correctVisitReport(world.ctx, person, reportId, corrected({ daysUsed: 3 })), ForbiddenError);
    }
    assert.equal((await stored()).daysUsed, 1);
    assert.deepEqual(await corrections(), []);
  });

  it('refuses once the school has marked the report accurate, pointing to the alliance manager; my deployments stops offering it', async () => {
    assert.deepEqual(await correctSteps(world.supporter), ['correctReport']);
    assert.deepEqual(await correctSteps(world.head), [], 'only the supporter is offered the correction');
    await checkVisitReport(world.ctx, world.head, reportId, { check: 'accurate' });
    await assert.rejects(correctVisitReport(world.ctx, world.supporter, reportId, corrected({ daysUsed: 2 })), (error: unknown) =>
      error instanceof BotError && error.code === 'conflict' && /already marked this report accurate.*ask the alliance manager/.test(error.message));
    assert.equal((await stored()).daysUsed, 1);
    assert.deepEqual(await correctSteps(world.supporter), []);
  });

  it('is what "needs correction" asks for: the supporter corrects, and the school is asked to check the report again', async () => {
    await checkVisitReport(world.ctx, world.head, reportId, { check: 'needs-correction', note: 'We had two days, not one.' });
    assert.deepEqual(await correctSteps(world.supporter), ['correctReport'], 'the supporter is offered the correction');
    const { report: fixed } = await correctVisitReport(world.ctx, world.supporter, reportId, corrected({ daysUsed: 2 }));
    assert.deepEqual([fixed.daysUsed, fixed.confirmation], [2, undefined], 'corrected, and not yet checked again');
    assert.deepEqual(fixed.history.slice(-2).map((h) => [h.action, h.note]), [['checked', 'We had two days, not one.'], ['corrected', 'Changed days used (1 to 2)']], 'the request for it stays in the history');
    const steps = (await listMyWork(world.ctx, world.head)).items.flatMap((item) => item.steps);
    assert.ok(steps.includes('checkReport'), `the school checks it again: ${steps.join(', ')}`);
    await checkVisitReport(world.ctx, world.head, reportId, { check: 'accurate' });
    assert.deepEqual(await correctSteps(world.supporter), [], 'once accurate, no more corrections');
  });

  it('refuses once the deployment is completed', async () => {
    await completeDeployment(world.ctx, world.manager, world.deployment.id);
    await assert.rejects(correctVisitReport(world.ctx, world.supporter, reportId, corrected({ daysUsed: 2 })), (error: unknown) =>
      error instanceof BotError && /is completed.*ask the alliance manager/.test(error.message));
    assert.equal((await stored()).daysUsed, 1);
  });

  describe('when another write lands between reading the report and writing it', () => {
    /** The world's context, whose first report write lets `meanwhile` write first: the stale write then loses the etag race. */
    function racing(meanwhile: () => Promise<unknown>): ServiceContext {
      let raced = false;
      const store = new Proxy(world.store as DocumentStore, {
        get(target, property) {
          if (property === 'replace') {
            return async (doc: { type: string }, etag: string) => {
              if (!raced && doc.type === 'visitReport') { raced = true; await meanwhile(); }
              return target.replace(doc as VisitReport, etag);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return { ...world.ctx, store };
    }

    it('refuses the correction when the school checked the report first, keeping the report as checked', async () => {
      const ctx = racing(() => checkVisitReport(world.ctx, world.head, reportId, { check: 'accurate' }));
      await assert.rejects(correctVisitReport(ctx, world.supporter, reportId, corrected({ activities: 'Something else entirely' })), /already marked this report accurate/);
      const after = await stored();
      assert.equal(after.confirmation?.check, 'accurate');
      assert.equal(after.activities, report('2026-12-21').activities);
      assert.ok(!after.history.some((e) => e.action === 'corrected'));
    });

    it('records the same correction sent twice at once only once', async () => {
      const same = corrected({ daysUsed: 2 });
      const ctx = racing(() => correctVisitReport(world.ctx, world.supporter, reportId, same));
      const late = await correctVisitReport(ctx, world.supporter, reportId, same);
      assert.deepEqual(late.changed, []);
      assert.equal((await stored()).daysUsed, 2);
      assert.equal((await stored()).history.filter((e) => e.action === 'corrected').length, 1);
    });
  });
});
