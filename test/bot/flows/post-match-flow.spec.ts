import assert from 'node:assert/strict';
import { pino } from 'pino';
import type { RawValues } from '../../../cards/form-definition.js';
import { DEPLOYMENT_PLAN_FORM_ID, PLAN_FIELDS as P } from '../../../cards/forms/deployment-plan.js';
import { EVALUATION_FIELDS as E, EVALUATION_FORM_ID } from '../../../cards/forms/evaluation.js';
import { VISIT_REPORT_FIELDS as V, VISIT_REPORT_FORM_ID } from '../../../cards/forms/visit-report.js';
import { renderCardToAdaptiveCard } from '../../../cards/render/adaptive.js';
import { validateAdaptiveCard } from '../../../cards/render/validate-adaptive.js';
import type { Reply, TurnResult } from '../../../bot/conversation/reply.js';
import type { Turn } from '../../../bot/conversation/turn.js';
import { ACTIONS } from '../../../bot/flows/action-ids.js';
import type { FlowContext } from '../../../bot/flows/flow-context.js';
import { routeTurn } from '../../../bot/flows/route-turn.js';
import { buildNotification } from '../../../bot/notifications/build-notification.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { ALLIANCE, openWorld, type World } from '../../services/deployments/deployment-fixtures.js';

// The whole post-match journey through the neutral flows, as Teams or Slack would drive them.
describe('post-match flows', () => {
  let world: World;
  let ctx: FlowContext;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    ctx = { ...world.ctx, logger: pino({ level: 'silent' }), savedConversations: new Set() };
  });
  afterEach(async () => { await world.close(); });

  function turn(person: Person, body: Record<string, unknown>): Promise<TurnResult> {
    const user = { channel: 'slack' as const, userId: `U${person.name.replace(/\W/g, '').toUpperCase()}`, lookupEmail: async () => person.email };
    return routeTurn(ctx, { ...body, user, place: { scope: 'personal', conversationId: `D-${person.id}`, address: {} } } as Turn);
  }
  const press = (person: Person, actionId: string) => turn(person, { kind: 'action', actionId, data: { deploymentId: world.deployment.id } });
  const submit = (person: Person, formId: string, values: RawValues) => turn(person, { kind: 'formSubmit', formId, values, data: { deploymentId: world.deployment.id } });
  const status = async () => (await world.store.get<Deployment>(ALLIANCE, world.deployment.id))?.status;
  const formIdOf = (reply: Reply | undefined) => (reply?.kind === 'form' ? reply.form.id : undefined);

  it('plans, reports, completes and evaluates a deployment', async () => {
    assert.equal(formIdOf((await press(world.supporter, ACTIONS.openPlanForm)).replies[0]), DEPLOYMENT_PLAN_FORM_ID);
    const refused = await submit(world.supporter, DEPLOYMENT_PLAN_FORM_ID, { [P.objective(1)]: 'Reasoning' });
    assert.equal(formIdOf(refused.replaceSource), DEPLOYMENT_PLAN_FORM_ID);
    await submit(world.supporter, DEPLOYMENT_PLAN_FORM_ID, {
      [P.objective(1)]: 'Improve reasoning', [P.successCriteria(1)]: 'Books show it', [P.impactMeasure(1)]: 'Termly test',
      [P.days]: '2', [P.visitDates]: '2026-12-07, 2026-12-14',
    });
    for (const party of [world.supporter, world.manager, world.head]) await press(party, ACTIONS.confirmPlan);
    assert.equal(await status(), 'planned');
    assert.match(JSON.stringify(await turn(world.supporter, { kind: 'action', actionId: ACTIONS.myRequests, data: {} })), new RegExp(ACTIONS.openVisitReport));

    world.clock.set('2026-12-15T09:00:00Z');
    const opened = await turn(world.supporter, { kind: 'message', text: 'I want to submit my visit report' });
    assert.equal(formIdOf(opened.replies[0]), VISIT_REPORT_FORM_ID);
    const reported = await submit(world.supporter, VISIT_REPORT_FORM_ID, {
      [V.visitDate]: '2026-12-07', [V.rag(1)]: 'green', [V.comment(1)]: 'On track', [V.activities]: 'Observations',
      [V.nextSteps]: 'Staff meeting', [V.daysUsed]: '2', [V.noPupilData]: true,
    });
    assert.equal(reported.replaceSource?.kind, 'card');
    assert.equal(await status(), 'completed');
    // Everyone hears who completed it; only the head's copy asks for the evaluation.
    const completion = (await world.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox' })).filter((m) => m.event.kind === 'deploymentCompleted');
    const copyFor = async (personId: string) => JSON.stringify(await buildNotification(ctx, ALLIANCE, completion[0].event, completion.find((m) => m.target.kind === 'person' && m.target.personId === personId)!.target));
    assert.match(await copyFor(world.head.id), /Sam Sle completed the support for Riverside Primary School \(2 of 2 days delivered\)/);
    assert.match(await copyFor(world.head.id), new RegExp(ACTIONS.openEvaluation));
    assert.doesNotMatch(await copyFor(world.supporter.id), new RegExp(ACTIONS.openEvaluation));
    const headsWork = JSON.stringify(await turn(world.head, { kind: 'action', actionId: ACTIONS.myRequests, data: {} }));
    assert.ok(headsWork.includes(ACTIONS.openEvaluation) && headsWork.includes(world.deployment.id), 'the head is offered the evaluation');

    assert.equal(formIdOf((await press(world.head, ACTIONS.openEvaluation)).replies[0]), EVALUATION_FORM_ID);
    await submit(world.head, EVALUATION_FORM_ID, { [E.rating(1)]: '3', [E.evidence(1)]: 'Books', [E.effectiveness]: '4', [E.overall]: 'Valued' });
    assert.equal(await status(), 'evaluated');

    const messages = await world.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox' });
    for (const message of messages) {
      const card = await buildNotification(ctx, ALLIANCE, message.event);
      assert.ok(card, `${message.event.kind} renders`);
      assert.deepEqual(validateAdaptiveCard(renderCardToAdaptiveCard(card)).failures, [], message.event.kind);
    }
  });

  it('tells a head of another school the deployment is not found, and changes nothing', async () => {
    await press(world.supporter, ACTIONS.openPlanForm);
    const result = await press(world.otherHead, ACTIONS.confirmPlan);
    assert.deepEqual(result.replies, [{ kind: 'text', text: 'That deployment was not found.' }]);
    assert.equal(await status(), 'accepted');
  });

  it('lets the manager, not the head, complete a deployment early from the report card', async () => {
    await submit(world.supporter, DEPLOYMENT_PLAN_FORM_ID, {
      [P.objective(1)]: 'Improve reasoning', [P.successCriteria(1)]: 'Books show it', [P.impactMeasure(1)]: 'Termly test',
      [P.days]: '3', [P.visitDates]: '2026-12-07, 14/12/2026, 4 Jan 2027',
    });
    for (const party of [world.supporter, world.manager, world.head]) await press(party, ACTIONS.confirmPlan);
    world.clock.set('2026-12-08T09:00:00Z');
    const reported = await submit(world.supporter, VISIT_REPORT_FORM_ID, {
      [V.visitDate]: '2026-12-07', [V.rag(1)]: 'amber', [V.comment(1)]: 'Started', [V.activities]: 'Observations',
      [V.nextSteps]: 'Staff meeting', [V.daysUsed]: '1', [V.noPupilData]: true,
    });
    assert.doesNotMatch(JSON.stringify(reported.replaceSource), new RegExp(ACTIONS.completeDeployment), 'the supporter is not shown a button only managers may press');
    const copies = (await world.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox' })).filter((m) => m.event.kind === 'visitReportSubmitted');
    const shows = async (target: string) => JSON.stringify(await buildNotification(ctx, ALLIANCE, copies[0].event, copies.find((m) => (m.target.kind === 'person' ? m.target.personId : m.target.kind) === target)!.target));
    assert.match(await shows('managerChannel'), new RegExp(ACTIONS.completeDeployment), "the manager channel's copy can complete it early");
    assert.doesNotMatch(await shows(world.head.id), new RegExp(ACTIONS.completeDeployment), "the head's copy cannot");
    await press(world.head, ACTIONS.completeDeployment);
    assert.equal(await status(), 'active');
    await press(world.manager, ACTIONS.completeDeployment);
    assert.equal(await status(), 'completed');
  });

  it('asks a supporter with nothing to report to agree a plan first', async () => {
    const result = await turn(world.supporter, { kind: 'message', text: 'submit my visit report' });
    assert.match(result.replies[0].kind === 'text' ? result.replies[0].text : '', /agreed plan/);
  });
});
