import assert from 'node:assert/strict';
import { confirmPlan, requestPlanChanges } from '../../../services/deployments/confirm-plan.js';
import { nameSchoolHead } from '../../../services/deployments/name-school-head.js';
import { submitPlan } from '../../../services/deployments/submit-plan.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import { ForbiddenError, ValidationError } from '../../../services/errors.js';
import type { Stored } from '../../../services/store/document-store.js';
import { fixturePersonId } from '../../helpers/person-ids.js';
import { ALLIANCE, openWorld, outboxEvents, PLAN, SUPPORTED_URN, type World } from './deployment-fixtures.js';

const DEPUTY_EMAIL = 'dee.deputy@riverside.example';

describe('who speaks for the supported school', () => {
  let world: World;
  let deputy: Stored<Person>;
  beforeEach(async () => {
    world = await openWorld();
    // A second head at the supported school, who did not ask for the support.
    deputy = await world.store.create<Person>({
      id: fixturePersonId(DEPUTY_EMAIL), allianceId: ALLIANCE, type: 'person', email: DEPUTY_EMAIL, name: 'Dee Deputy', role: 'head',
      baseSchoolUrn: SUPPORTED_URN, specialisms: [], phases: [], daysPerYear: 0, updatedAt: '2026-09-01T00:00:00.000Z',
    });
    await submitPlan(world.ctx, world.supporter, world.deployment.id, PLAN);
  });
  afterEach(async () => { await world.close(); });

  it('is the head who asked; another head of the same school may not confirm or ask for changes', async () => {
    await assert.rejects(confirmPlan(world.ctx, deputy, world.deployment.id), ForbiddenError);
    await assert.rejects(requestPlanChanges(world.ctx, deputy, world.deployment.id, { comment: 'not mine' }), ForbiddenError);
    const { deployment } = await confirmPlan(world.ctx, world.head, world.deployment.id);
    assert.ok(deployment.plan?.confirmations.school);
  });

  it('includes a head the manager names, who is told and can then confirm', async () => {
    const named = await nameSchoolHead(world.ctx, world.manager, world.deployment.id, 'Dee.Deputy@Riverside.example ');
    assert.deepEqual(named.schoolHeadIds, [world.head.id, deputy.id]);
    assert.deepEqual(named.history.at(-1), { at: named.history.at(-1)!.at, by: world.manager.id, action: 'school-head-named', ref: deputy.id });
    assert.ok((await outboxEvents(world)).some((e) => e.kind === 'schoolHeadNamed' && e.target === deputy.id));
    const { deployment } = await confirmPlan(world.ctx, deputy, world.deployment.id);
    assert.ok(deployment.plan?.confirmations.school);
  });

  it('is named by a manager only, and only from the heads of the supported school', async () => {
    await assert.rejects(nameSchoolHead(world.ctx, world.head, world.deployment.id, DEPUTY_EMAIL), ForbiddenError);
    await assert.rejects(nameSchoolHead(world.ctx, world.supporter, world.deployment.id, DEPUTY_EMAIL), ForbiddenError);
    await assert.rejects(nameSchoolHead(world.ctx, world.manager, world.deployment.id, world.otherHead.email), ValidationError);
    await assert.rejects(nameSchoolHead(world.ctx, world.manager, world.deployment.id, world.supporter.email), ValidationError);
    await assert.rejects(nameSchoolHead(world.ctx, world.manager, world.deployment.id, 'nobody@nowhere.example'), ValidationError);
    const unchanged = await world.store.get<Deployment>(ALLIANCE, world.deployment.id);
    assert.deepEqual(unchanged?.schoolHeadIds, [world.head.id]);
  });

  it('hears the plan news: every school head on the deployment is told', async () => {
    await nameSchoolHead(world.ctx, world.manager, world.deployment.id, DEPUTY_EMAIL);
    await confirmPlan(world.ctx, world.supporter, world.deployment.id);
    await confirmPlan(world.ctx, world.manager, world.deployment.id);
    await confirmPlan(world.ctx, deputy, world.deployment.id);
    const agreed = (await outboxEvents(world)).filter((e) => e.kind === 'planAgreed').map((e) => e.target);
    assert.deepEqual(agreed.sort(), [world.head.id, deputy.id, world.supporter.id, 'managerChannel'].sort());
  });
});
