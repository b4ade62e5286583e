import assert from 'node:assert/strict';
import { findOverdueReports, sendOverdueReminders } from '../../../services/deployments/overdue-reports.js';
import { runReminderTick } from '../../../services/deployments/ReminderScheduler.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { agreePlan, ALLIANCE, openWorld, outboxEvents, report, type World } from './deployment-fixtures.js';

// The plan's first visit is Monday 21 Dec 2026; with Christmas, Boxing Day (substitute Monday 28th)
// and the weekend skipped, its report is due by Wednesday 30 Dec and overdue from the 31st.
describe('overdue visit reports', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    await agreePlan(world);
  });
  afterEach(async () => { await world.close(); });

  const overdueOn = async (at: string) => findOverdueReports(world.ctx, ALLIANCE, new Date(at));

  it('is not overdue on the fifth working day, counting bank holidays out', async () => {
    assert.deepEqual(await overdueOn('2026-12-30T17:00:00Z'), []);
  });

  it('is overdue the day after', async () => {
    const [overdue, ...rest] = await overdueOn('2026-12-31T09:00:00Z');
    assert.equal(rest.length, 0);
    assert.equal(overdue.deployment.id, world.deployment.id);
    assert.deepEqual(overdue.visits, [{ visitDate: '2026-12-21', dueDate: '2026-12-30' }]);
  });

  it('is not overdue once reported', async () => {
    world.clock.set('2026-12-22T09:00:00Z');
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
    assert.deepEqual(await overdueOn('2027-01-04T09:00:00Z'), []);
  });

  it('reminds the supporter at most once a day', async () => {
    world.clock.set('2026-12-31T08:00:00Z');
    assert.equal(await sendOverdueReminders(world.ctx, world.clock.now()), 1);
    world.clock.set('2026-12-31T15:00:00Z');
    await sendOverdueReminders(world.ctx, world.clock.now());
    const reminders = () => outboxEvents(world).then((events) => events.filter((e) => e.kind === 'visitReportOverdue'));
    assert.deepEqual(await reminders(), [{ kind: 'visitReportOverdue', target: world.supporter.id }]);

    world.clock.set('2027-01-01T09:00:00Z');
    await sendOverdueReminders(world.ctx, world.clock.now());
    assert.equal((await reminders()).length, 2);
  });

  it('sends no reminders on a bank holiday, and resumes on the next working day', async () => {
    // New Year's Day 2027 is a Friday bank holiday; the report has been overdue since 31 Dec.
    assert.equal(await runReminderTick(world.ctx, new Date('2027-01-01T09:00:00Z')), 0);
    assert.equal(await runReminderTick(world.ctx, new Date('2027-01-04T09:00:00Z')), 1);
  });
});
