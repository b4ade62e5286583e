import assert from 'node:assert/strict';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { listMyWork } from '../../../services/requests/list-my-work.js';
import { buildMyWorkCard } from '../../../bot/views/my-work-card.js';
import { agreePlan, openWorld, report, type World } from '../deployments/deployment-fixtures.js';

describe('due dates in "my work"', () => {
  let world: World;
  afterEach(async () => { await world.close(); });

  const dueOf = async (person: World['supporter']) => (await listMyWork(world.ctx, person)).items.map((item) => item.due);

  it("shows the supporter's answer as due, then overdue, to the supporter and the head alike", async () => {
    // Proposed Fri 20 Nov: three working days later is Wed 25 Nov.
    world = await openWorld('proposed', '2026-11-24T10:00:00Z');
    assert.deepEqual(await dueOf(world.supporter), ['due Wed 25 Nov']);
    assert.deepEqual(await dueOf(world.head), ['due Wed 25 Nov']);
    world.clock.set('2026-11-25T10:00:00Z');
    assert.deepEqual(await dueOf(world.supporter), ['due today']);
    world.clock.set('2026-11-27T10:00:00Z');
    assert.deepEqual(await dueOf(world.supporter), ['2 days overdue']);
  });

  it('dates the report of a visit made and not reported, not one reported or still to come', async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    await agreePlan(world);
    world.clock.set('2026-12-22T16:00:00Z');
    // Unreported, the visit of Mon 21 Dec is due five working days on: Wed 30 Dec (Christmas and Boxing Day's substitute skipped).
    assert.deepEqual(await dueOf(world.supporter), ['due Wed 30 Dec']);
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
    // Reported: nothing is due until the next visit, Mon 11 Jan, whose report is due Mon 18 Jan.
    assert.deepEqual(await dueOf(world.supporter), [undefined]);
    world.clock.set('2027-01-12T10:00:00Z');
    assert.deepEqual(await dueOf(world.supporter), ['due Mon 18 Jan']);
  });

  it('puts the due date on the "my work" card next to what it waits for, with no ISO dates', async () => {
    world = await openWorld('proposed', '2026-11-27T10:00:00Z');
    const lines = JSON.stringify(buildMyWorkCard(await listMyWork(world.ctx, world.head)));
    assert.match(lines, /Waiting for the supporter to accept or decline — Sam Sle, 2 days overdue/);
    assert.match(JSON.stringify(buildMyWorkCard(await listMyWork(world.ctx, world.supporter))), /Waiting for the supporter to accept or decline — you, 2 days overdue/, "the supporter reads \"you\"");
    assert.match(lines, /Proposed to Sam Sle"/);
    assert.doesNotMatch(lines.replace(/"[a-z]+Id":"[^"]*"/g, ''), /\d{4}-\d{2}-\d{2}/);
  });

  it('shows nothing due on work that waits for nothing', async () => {
    world = await openWorld('evaluated', '2026-11-27T10:00:00Z');
    assert.deepEqual(await dueOf(world.supporter), [undefined]);
  });
});
