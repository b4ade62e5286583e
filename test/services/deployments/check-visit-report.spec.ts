import assert from 'node:assert/strict';
import { parseFormSubmission } from '../../../cards/form-definition.js';
import { createVisitReportCheckForm } from '../../../cards/forms/visit-report-check.js';
import { buildVisitReportCard } from '../../../bot/views/visit-report-card.js';
import { checkVisitReport } from '../../../services/deployments/check-visit-report.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { ALLIANCE, openWorldWithReport, outboxEvents, type World } from './deployment-fixtures.js';

describe('the school confirms visit records', () => {
  let world: World;
  let reportId: string;
  beforeEach(async () => {
    ({ world, reportId } = await openWorldWithReport());
  });
  afterEach(async () => { await world.close(); });

  const stored = async () => (await world.store.get<VisitReport>(ALLIANCE, reportId))!;
  const corrections = async () => (await outboxEvents(world)).filter((e) => e.kind === 'visitReportCorrection');

  it('lets the head mark a report accurate, once, telling no one', async () => {
    await checkVisitReport(world.ctx, world.head, reportId, { check: 'accurate' });
    const checked = await stored();
    assert.deepEqual(checked.confirmation, { check: 'accurate', by: world.head.id, at: '2026-12-22T16:00:00.000Z' });
    assert.deepEqual(checked.history.at(-1), { at: '2026-12-22T16:00:00.000Z', by: world.head.id, action: 'checked', to: 'accurate' });
    assert.deepEqual(await corrections(), []);
    await assert.rejects(checkVisitReport(world.ctx, world.head, reportId, { check: 'needs-correction', note: 'Wrong date' }), (error: unknown) =>
      error instanceof BotError && /already marked accurate/.test(error.message));
  });

  it('tells the supporter what needs correcting, and asks the head to say what', async () => {
    await assert.rejects(checkVisitReport(world.ctx, world.head, reportId, { check: 'needs-correction' }), (error: unknown) =>
      error instanceof ValidationError && error.problems[0].field === 'note');
    await checkVisitReport(world.ctx, world.head, reportId, { check: 'needs-correction', note: 'Two lessons were seen, not one.' });
    assert.equal((await stored()).confirmation?.note, 'Two lessons were seen, not one.');
    assert.deepEqual(await corrections(), [{ kind: 'visitReportCorrection', target: world.supporter.id }]);
  });

  it('refuses the supporter, the manager and a head of another school, changing nothing', async () => {
    for (const person of [world.supporter, world.manager, world.otherHead]) {
      await assert.rejects(checkVisitReport(world.ctx, person, reportId, { check: 'accurate' }), ForbiddenError);
    }
    assert.equal((await stored()).confirmation, undefined);
  });

  it('offers the check on the report card to the school alone, and shows the answer once given', async () => {
    const buttons = (forSchool: boolean, visit: VisitReport) => JSON.stringify(buildVisitReportCard(visit, world.deployment, { forManagers: false, forSchool }));
    assert.match(buttons(true, await stored()), /visit-report-check\.open/);
    assert.doesNotMatch(buttons(false, await stored()), /visit-report-check\.open/);
    await checkVisitReport(world.ctx, world.head, reportId, { check: 'accurate' });
    const after = buttons(true, await stored());
    assert.doesNotMatch(after, /visit-report-check\.open/);
    assert.match(after, /The school marked it: Accurate/);
    assert.match(after, /Visit report S2S-2026-0001, Mon 21 Dec 2026/);
  });

  it('one form for both channels, with the missing note under its field', () => {
    const form = createVisitReportCheckForm({});
    assert.deepEqual(parseFormSubmission(form, { check: 'accurate', note: '' }), { ok: true, value: { check: 'accurate' } });
    const missing = parseFormSubmission(form, { check: 'needs-correction' });
    assert.deepEqual(!missing.ok && missing.problems.map((p) => p.field), ['note']);
  });
});
