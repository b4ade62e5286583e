import assert from 'node:assert/strict';
import { pino } from 'pino';
import { VISIT_REPORT_CORRECTION_FORM_ID } from '../../../cards/forms/visit-report.js';
import type { TurnResult } from '../../../bot/conversation/reply.js';
import { ACTIONS } from '../../../bot/flows/action-ids.js';
import { runAction } from '../../../bot/flows/actions.js';
import type { FlowContext } from '../../../bot/flows/flow-context.js';
import { checkVisitReport } from '../../../services/deployments/check-visit-report.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import type { Person } from '../../../services/domain/person.js';
import { ForbiddenError } from '../../../services/errors.js';
import type { Stored } from '../../../services/store/document-store.js';
import { agreePlan, openWorld, report, type World } from '../../services/deployments/deployment-fixtures.js';

/** "Correct a report" from my deployments, with two half-day reports of a 3-day plan not yet checked. */
describe('correct a report from my deployments', () => {
  let world: World;
  let ctx: FlowContext;
  let first: string;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    ctx = { ...world.ctx, logger: pino({ level: 'silent' }), savedConversations: new Set() };
    await agreePlan(world);
    world.clock.set('2027-01-12T10:00:00Z');
    first = (await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21', { daysUsed: 0.5 }))).report.id;
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2027-01-11', { daysUsed: 0.5 }));
  });
  afterEach(async () => { await world.close(); });

  const press = (person: Stored<Person>) => runAction(ctx, person, ACTIONS.correctVisitReport, { data: { deploymentId: world.deployment.id }, channel: 'teams' });
  /** The labels of the buttons that open a correction. */
  const buttonsOf = (result: TurnResult) => result.replies.flatMap((reply) => (reply.kind === 'card' ? reply.card.elements : []))
    .flatMap((element) => (element.type === 'actions' ? element.buttons : []))
    .filter((b) => b.actionId === ACTIONS.correctVisitReport).map((b) => b.label);

  it('asks which report when several can be corrected, and opens the one left once the school checked the other', async () => {
    const choice = await press(world.supporter);
    assert.match(JSON.stringify(choice.replies), /Which report needs correcting\?/);
    assert.deepEqual(buttonsOf(choice), ['Mon 21 Dec 2026', 'Mon 11 Jan 2027']);

    await checkVisitReport(world.ctx, world.head, first, { check: 'accurate' });
    const [form] = (await press(world.supporter)).replies;
    assert.equal(form.kind === 'form' && form.form.id, VISIT_REPORT_CORRECTION_FORM_ID);
    assert.equal(form.kind === 'form' && form.data?.reportId, first.replace('2026-12-21', '2027-01-11'));
  });

  it('refuses the school\'s head and the manager', async () => {
    for (const person of [world.head, world.manager]) await assert.rejects(press(person), ForbiddenError);
  });
});
