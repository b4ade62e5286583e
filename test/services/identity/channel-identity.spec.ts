import { strict as assert } from 'node:assert';
import { addAlliance } from '../../../services/directory/alliances.js';
import { importPeople } from '../../../services/directory/import-people.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import { fixturePersonId, personIdOf } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import { buildIdentityIndexOnce } from '../../../services/identity/build-identity-index.js';
import { identifySpeaker, type ChannelUser } from '../../../services/identity/channel-identity.js';
import { readChannelIdentity } from '../../../services/identity/identity-index.js';
import { erasePersonData } from '../../../services/privacy/erase-person-data.js';
import { countingStore } from '../../helpers/counting-store.js';
import { csv, openStoreWithAlliance, PEOPLE_HEADER, TWO_SCHOOLS, type TempStore } from '../directory/temp-store.js';

describe('identifySpeaker through the identity index', () => {
  let temp: TempStore;
  const ctx = () => ({ store: temp.store, clock: temp.clock });
  const teams = (userId: string, email?: string): ChannelUser => ({ channel: 'teams', userId, lookupEmail: async () => email });
  const importInto = (allianceId: string, ...rows: string[]) =>
    importPeople(temp.store, temp.clock, allianceId, { fileName: 'people.csv', text: csv(PEOPLE_HEADER, ...rows) });

  beforeEach(async () => {
    temp = await openStoreWithAlliance();
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });
  });
  afterEach(() => temp.close());

  it('finds an imported person with two point reads and no cross-partition query', async () => {
    await importInto('test-hub', 'priya@oakfield.example,Priya Shah,supporter,990001,SLE,maths,primary,15,aad-priya,U0PRIYA');
    const counting = countingStore(temp.store);
    const [priya] = await identifySpeaker({ ...ctx(), store: counting.store }, teams('aad-priya'));
    assert.equal(priya.name, 'Priya Shah');
    assert.deepEqual(counting.cost().calls, { get: 2 });
    const [bySlack] = await identifySpeaker(ctx(), { channel: 'slack', userId: 'U0PRIYA', lookupEmail: async () => undefined });
    assert.equal(bySlack.id, priya.id);
  });

  it('finds a person in two alliances with one index read and one read per alliance', async () => {
    await addAlliance(temp.store, temp.clock, { id: 'second-hub', name: 'Second Hub' });
    await importSchools(temp.store, temp.clock, 'second-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });
    await importInto('test-hub', 'priya@oakfield.example,Priya Shah,supporter,990001,SLE,maths,primary,15,aad-priya,');
    await importInto('second-hub', 'priya@oakfield.example,Priya Shah,supporter,990002,SLE,maths,primary,5,aad-priya,');
    const counting = countingStore(temp.store);
    const found = await identifySpeaker({ ...ctx(), store: counting.store }, teams('aad-priya'));
    assert.deepEqual(found.map((p) => p.allianceId).sort(), ['second-hub', 'test-hub']);
    assert.equal(counting.cost().storeCalls, 3);
    assert.equal(counting.cost().crossPartitionQueries, 0);
  });

  it('links by email once, then answers from the index', async () => {
    await importInto('test-hub', 'mark@hawthorn.example,Mark Davies,head,990001,,,,,,');
    const [mark] = await identifySpeaker(ctx(), teams('aad-mark', 'Mark@Hawthorn.example'));
    assert.equal(mark.teamsAadObjectId, 'aad-mark');
    const counting = countingStore(temp.store);
    const [again] = await identifySpeaker({ ...ctx(), store: counting.store }, teams('aad-mark', 'never-asked@example.org'));
    assert.equal(again.id, mark.id);
    assert.deepEqual(counting.cost().calls, { get: 2 });
  });

  it('follows a re-import that moves a Teams id to someone else', async () => {
    await importInto('test-hub', 'a@oakfield.example,Ann Able,head,990001,,,,,aad-shared,');
    await importInto('test-hub', 'a@oakfield.example,Ann Able,head,990001,,,,,aad-ann,', 'b@oakfield.example,Bob Best,head,990002,,,,,aad-shared,');
    assert.deepEqual((await identifySpeaker(ctx(), teams('aad-shared'))).map((p) => p.name), ['Bob Best']);
    assert.deepEqual((await identifySpeaker(ctx(), teams('aad-ann'))).map((p) => p.name), ['Ann Able']);
    assert.deepEqual((await readChannelIdentity(temp.store, 'teams', 'aad-shared'))?.people, [{ allianceId: 'test-hub', personId: await personIdOf(temp.store, 'b@oakfield.example') }]);
  });

  it('erasure removes the index entries, so the erased person is no longer recognised', async () => {
    await importInto('test-hub', 'priya@oakfield.example,Priya Shah,supporter,990001,SLE,maths,primary,15,aad-priya,U0PRIYA');
    await erasePersonData(ctx(), 'priya@oakfield.example', 'cli:test');
    assert.equal(await readChannelIdentity(temp.store, 'teams', 'aad-priya'), undefined);
    assert.equal(await readChannelIdentity(temp.store, 'slack', 'U0PRIYA'), undefined);
    assert.deepEqual(await identifySpeaker(ctx(), teams('aad-priya', 'priya@oakfield.example')), []);
  });

  it('indexes people stored before the index existed, once', async () => {
    const at = temp.clock.now().toISOString();
    await temp.store.create<Person>({
      id: fixturePersonId('old@oakfield.example'), allianceId: 'test-hub', type: 'person', email: 'old@oakfield.example', name: 'Olive Old',
      role: 'head', baseSchoolUrn: '990001', specialisms: [], phases: [], daysPerYear: 0, teamsAadObjectId: 'aad-old', updatedAt: at,
    });
    assert.equal(await buildIdentityIndexOnce(temp.store, temp.clock.now()), 1);
    assert.equal(await buildIdentityIndexOnce(temp.store, temp.clock.now()), 0);
    assert.deepEqual((await identifySpeaker(ctx(), teams('aad-old'))).map((p) => p.name), ['Olive Old']);
  });
});
