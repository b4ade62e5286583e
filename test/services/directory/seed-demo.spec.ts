import { strict as assert } from 'node:assert';
import type { Alliance } from '../../../services/domain/alliance.js';
import type { Person } from '../../../services/domain/person.js';
import type { School } from '../../../services/domain/school.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES, seedDemo } from '../../../services/directory/seed-demo.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('seedDemo', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(); });
  afterEach(() => temp.close());

  const people = () => temp.store.query<Person>(DEMO_ALLIANCE_ID, { type: 'person' });

  it('loads a realistic alliance through the CSV import', async () => {
    assert.equal(await seedDemo(temp.store, temp.clock), true);

    const alliance = await temp.store.get<Alliance>(DEMO_ALLIANCE_ID, DEMO_ALLIANCE_ID);
    assert.equal(alliance?.name, 'Riverside Teaching School Hub');
    const schools = await temp.store.query<School>(DEMO_ALLIANCE_ID, { type: 'school' });
    assert.ok(schools.length >= 25, `${schools.length} schools`);
    assert.ok(schools.every((s) => s.urn.startsWith('99')), 'fake URNs only');
    const goodOrBetter = schools.filter((s) => s.ofstedJudgement === 'good' || s.ofstedJudgement === 'outstanding');
    assert.ok(goodOrBetter.length / schools.length >= 0.85 && goodOrBetter.length < schools.length, 'mostly good or outstanding, not all');

    const everyone = await people();
    const supporters = everyone.filter((p) => p.role === 'supporter');
    assert.ok(supporters.length >= 25, `${supporters.length} supporters`);
    assert.ok(new Set(supporters.flatMap((p) => p.specialisms)).size >= 20, 'covers at least 20 specialisms');
    assert.ok(supporters.every((p) => p.daysPerYear >= 10 && p.daysPerYear <= 20));
    assert.deepEqual(new Set(supporters.map((p) => p.designation)), new Set(['SLE', 'NLE', 'LLE', 'executive-head', 'lead-practitioner']));
    assert.equal(everyone.filter((p) => p.role === 'head').length, 3);
    assert.equal(everyone.filter((p) => p.role === 'manager').length, 1);
  });

  it('gives the documented demo identities to a manager, a head and a supporter', async () => {
    await seedDemo(temp.store, temp.clock);
    const byEmail = new Map((await people()).map((p) => [p.email, p]));

    for (const [role, identity] of Object.entries(DEMO_IDENTITIES)) {
      const person = byEmail.get(identity.email);
      assert.equal(person?.role, role);
      assert.equal(person?.name, identity.name);
      assert.equal(person?.teamsAadObjectId, identity.teamsAadObjectId);
      assert.equal(person?.slackUserId, identity.slackUserId);
    }
  });

  it('does nothing when the demo alliance exists', async () => {
    await seedDemo(temp.store, temp.clock);
    const before = await people();
    temp.clock.advance(60_000);

    assert.equal(await seedDemo(temp.store, temp.clock), false);
    const after = await people();
    assert.deepEqual(after.map((p) => p._etag), before.map((p) => p._etag), 'nothing was rewritten');
  });
});
