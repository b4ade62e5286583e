import { strict as assert } from 'node:assert';
import { addAlliance } from '../../../services/directory/alliances.js';
import { exportPeople, exportSchools } from '../../../services/directory/export-directory.js';
import { importPeople } from '../../../services/directory/import-people.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import type { Person } from '../../../services/domain/person.js';
import { csv, openStoreWithAlliance, PEOPLE_HEADER, SCHOOLS_HEADER, type TempStore } from './temp-store.js';

describe('export-directory', () => {
  let temp: TempStore;
  beforeEach(async () => { temp = await openStoreWithAlliance(); });
  afterEach(() => temp.close());

  const schoolsFile = csv(
    SCHOOLS_HEADER,
    '990002,"Kingfisher Academy, Worcester",Secondary,Worcestershire,wr4 9pg,,Good,08/03/2023',
    '990001,Riverside Primary School,primary,Worcestershire,WR1 2AB,Severn Vale Learning Trust,outstanding,2022-11-16',
  );
  const peopleFile = csv(
    PEOPLE_HEADER,
    'priya@example.org,"Shah, Priya",supporter,990001,SLE,Maths;SEND,KS2,15,aad-priya,U0PRIYA',
    'helen@example.org,Helen Carter,manager,,,,,,,',
    'mark@example.org,Mark Davies,head,990002,,,,,,',
  );

  it('writes the import format in a stable order, with ids instead of the names people typed', async () => {
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 's.csv', text: schoolsFile });
    await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'p.csv', text: peopleFile });

    assert.equal(await exportSchools(temp.store, 'test-hub'), csv(
      SCHOOLS_HEADER,
      '990001,Riverside Primary School,primary,Worcestershire,WR1 2AB,Severn Vale Learning Trust,outstanding,2022-11-16',
      '990002,"Kingfisher Academy, Worcester",secondary,Worcestershire,WR4 9PG,,good,2023-03-08',
    ));
    assert.equal(await exportPeople(temp.store, 'test-hub'), csv(
      `${PEOPLE_HEADER},contact_directly`,
      'helen@example.org,Helen Carter,manager,,,,,0,,,',
      'mark@example.org,Mark Davies,head,990002,,,,0,,,',
      'priya@example.org,"Shah, Priya",supporter,990001,SLE,maths;send,primary,15,aad-priya,U0PRIYA,',
    ));
  });

  it('round-trips: exported files import into another alliance and export identically', async () => {
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 's.csv', text: schoolsFile });
    await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'p.csv', text: peopleFile });
    const schools = await exportSchools(temp.store, 'test-hub');
    const people = await exportPeople(temp.store, 'test-hub');

    await addAlliance(temp.store, temp.clock, { id: 'copy-hub', name: 'Copy Hub' });
    await importSchools(temp.store, temp.clock, 'copy-hub', { fileName: 'schools.csv', text: schools });
    await importPeople(temp.store, temp.clock, 'copy-hub', { fileName: 'people.csv', text: people });
    assert.equal(await exportSchools(temp.store, 'copy-hub'), schools);
    assert.equal(await exportPeople(temp.store, 'copy-hub'), people);

    // Importing the export back into its own alliance changes nothing and duplicates nobody.
    assert.deepEqual(await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'people.csv', text: people }), { created: 0, updated: 3 });
    assert.equal(await exportPeople(temp.store, 'test-hub'), people);
  });

  it('leaves out people whose data was erased', async () => {
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 's.csv', text: schoolsFile });
    await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'p.csv', text: peopleFile });
    const [helen] = await temp.store.query<Person>('test-hub', { type: 'person', where: [{ field: 'email', op: 'eq', value: 'helen@example.org' }] });
    await temp.store.replace({ ...helen, erasedAt: '2025-01-01T00:00:00Z' }, helen._etag);

    assert.doesNotMatch(await exportPeople(temp.store, 'test-hub'), /helen/);
  });
});
