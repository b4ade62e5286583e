import assert from 'node:assert/strict';
import { pino } from 'pino';
import type { RawValues } from '../../../cards/form-definition.js';
import { DECLINE_FIELDS, DECLINE_FORM_IDS } from '../../../cards/forms/decline-request.js';
import { DEPLOYMENT_PLAN_FORM_ID, PLAN_FIELDS as P } from '../../../cards/forms/deployment-plan.js';
import type { TurnResult } from '../../../bot/conversation/reply.js';
import type { Turn } from '../../../bot/conversation/turn.js';
import { ACTIONS } from '../../../bot/flows/action-ids.js';
import type { FlowContext } from '../../../bot/flows/flow-context.js';
import { routeTurn } from '../../../bot/flows/route-turn.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import { newAlliance } from '../../../services/domain/alliance.js';
import { ALLIANCE, openWorld, type World } from '../../services/deployments/deployment-fixtures.js';

// Issue 18: each decision in one place. Wrong ids read as "not found", the plan's limits are the
// domain's, and a multi-alliance choice lives in the store rather than in an edge's memory.
describe('one source of truth in the flows', () => {
  let world: World;
  const flowContext = (): FlowContext => ({ ...world.ctx, logger: pino({ level: 'silent' }), savedConversations: new Set() });
  beforeEach(async () => { world = await openWorld('accepted', '2026-12-01T09:00:00Z'); });
  afterEach(async () => { await world.close(); });

  function turn(person: Person, body: Record<string, unknown>, ctx = flowContext()): Promise<TurnResult> {
    const user = { channel: 'teams' as const, userId: `aad-${person.id}`, lookupEmail: async () => person.email };
    return routeTurn(ctx, { ...body, user, place: { scope: 'personal', conversationId: `chat-${person.id}`, address: {} } } as Turn);
  }
  const texts = (result: TurnResult) => result.replies.map((r) => (r.kind === 'text' ? r.text : r.kind));

  it('answers "not found" when a person id is given where a request or deployment id belongs', async () => {
    const wrong = world.head.id;
    for (const actionId of [ACTIONS.decline, ACTIONS.approve, ACTIONS.hold, ACTIONS.otherCandidates]) {
      assert.deepEqual(texts(await turn(world.manager, { kind: 'action', actionId, data: { requestId: wrong, candidateId: world.supporter.id } })),
        ['That request was not found.'], actionId);
    }
    for (const actionId of [ACTIONS.openPlanForm, ACTIONS.confirmPlan, ACTIONS.acceptProposal, ACTIONS.openEvaluation]) {
      const answer = texts(await turn(world.supporter, { kind: 'action', actionId, data: { deploymentId: wrong } }))[0];
      assert.match(String(answer), /^That (deployment|proposal) was not found\.$/, actionId);
    }
    const declined = await turn(world.manager, { kind: 'formSubmit', formId: DECLINE_FORM_IDS.request, values: { [DECLINE_FIELDS.reason]: 'No capacity this term' }, data: { requestId: world.deployment.id } });
    assert.deepEqual(texts(declined), ['That request was not found.']);
  });

  it('keeps a too-long plan objective in the form under its field, answers and all, and stores nothing', async () => {
    const values: RawValues = {
      [P.objective(1)]: 'x'.repeat(600), [P.successCriteria(1)]: 'Books show it', [P.impactMeasure(1)]: 'Termly test',
      [P.days]: '2', [P.visitDates]: '7/12/2026, 14 Dec 2026',
    };
    const result = await turn(world.supporter, { kind: 'formSubmit', formId: DEPLOYMENT_PLAN_FORM_ID, values, data: { deploymentId: world.deployment.id } });
    const again = result.replaceSource;
    assert.equal(again?.kind, 'form');
    assert.deepEqual(again?.kind === 'form' && again.errors, [{ field: P.objective(1), message: 'Please keep this to 500 characters (you wrote 600).' }]);
    assert.deepEqual(again?.kind === 'form' && again.values, values);
    assert.equal((await world.store.get<Deployment>(ALLIANCE, world.deployment.id))?.plan, undefined);
  });

  it('remembers which alliance a conversation is about across a restart', async () => {
    await world.store.create(newAlliance({ id: 'second-hub', name: 'Second Hub', now: new Date('2026-09-01T00:00:00Z') }));
    await world.store.create<Person>({ ...world.manager, _etag: undefined, allianceId: 'second-hub' } as unknown as Person);
    const asked = await turn(world.manager, { kind: 'message', text: 'help' });
    assert.match(JSON.stringify(asked), /Which alliance is this about\?/);
    await turn(world.manager, { kind: 'action', actionId: ACTIONS.chooseAlliance, data: { allianceId: 'second-hub' } });
    // A new process: nothing held in memory, only the store.
    const afterRestart = JSON.stringify(await turn(world.manager, { kind: 'message', text: 'my requests' }, flowContext()));
    assert.doesNotMatch(afterRestart, /Which alliance is this about\?/);
    assert.doesNotMatch(afterRestart, /S2S-2026-0001/, 'the second hub has no requests');
    await turn(world.manager, { kind: 'action', actionId: ACTIONS.chooseAlliance, data: { allianceId: ALLIANCE } });
    const changed = JSON.stringify(await turn(world.manager, { kind: 'message', text: 'my requests' }, flowContext()));
    assert.match(changed, /S2S-2026-0001/, 'the latest choice wins');
  });
});
