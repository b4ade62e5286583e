import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import type { Person } from '../../../services/domain/person.js';
import { importPeople } from '../../../services/directory/import-people.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import { BotError, ValidationError } from '../../../services/errors.js';
import { SPECIALISMS } from '../../../services/domain/specialisms.js';
import { csv, openStoreWithAlliance, PEOPLE_HEADER, TWO_SCHOOLS, type TempStore } from './temp-store.js';

describe('importPeople', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openStoreWithAlliance();
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });
  });
  afterEach(() => temp.close());

  const load = (text: string, fileName = 'people.csv') => importPeople(temp.store, temp.clock, 'test-hub', { fileName, text });
  const failure = (text: string) => load(text).then(() => assert.fail('expected the import to fail'), (e: unknown) => e);
  const people = () => temp.store.query<Person>('test-hub', { type: 'person', orderBy: [{ field: 'email' }] });

  it('imports people, mapping common names to specialism and phase ids', async () => {
    const text = csv(
      PEOPLE_HEADER,
      'Priya.Shah@Oakfield.example,Priya Shah,Supporter,990001,SLE,Maths; mathematics;SEND;Early Years,KS2;Primary,15,aad-priya,U0PRIYA',
      'ollie@kingfisher.example,Oliver Bennett,supporter,990002,executive head,D&T;ICT;pupil premium,Secondary;Sixth form,12,,',
      'mark@hawthorn.example,Mark Davies,head,990001,,,,,,',
      'helen@hub.example,Helen Carter,manager,,,,,,,',
    );
    assert.deepEqual(await load(text), { created: 4, updated: 0 });

    const [helen, mark, ollie, priya] = await people();
    // Random ids: nothing computed from an email (as sha256(email) once was) finds the person's records.
    assert.match(priya.id, /^person-[0-9a-f-]{36}$/);
    assert.ok(!priya.id.includes(createHash('sha256').update(priya.email).digest('hex').slice(0, 20)));
    assert.equal(priya.email, 'priya.shah@oakfield.example');
    assert.deepEqual(priya.specialisms, ['maths', 'send', 'early-years']);
    assert.deepEqual(priya.phases, ['primary']);
    assert.equal(priya.daysPerYear, 15);
    assert.equal(priya.teamsAadObjectId, 'aad-priya');
    assert.equal(priya.slackUserId, 'U0PRIYA');
    assert.equal(ollie.designation, 'executive-head');
    assert.deepEqual(ollie.specialisms, ['design-technology', 'computing', 'closing-the-gap']);
    assert.deepEqual(ollie.phases, ['secondary', 'post-16']);
    assert.equal(mark.role, 'head');
    assert.equal(mark.designation, undefined);
    assert.equal(helen.baseSchoolUrn, undefined);
  });

  it('reports every problem as file:line: column: message and writes nothing', async () => {
    const text = csv(
      PEOPLE_HEADER,
      'good@example.org,Good Person,supporter,990001,SLE,maths,primary,10,,',
      'not-an-email,"Quoted,\nacross two lines",supporter,990001,SLE,Mathz;Science,Primary,ten,,',
      'head@example.org,A Head,head,990001,SLE,,,,,',
      'good@example.org,Same Email,manager,,,,,,,',
      'nodesig@example.org,No Designation,supporter,990001,,english,primary,10,,',
      'short@example.org,Too Few Cells,supporter',
    );
    const error = await failure(text);

    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.problems.map((p) => `${p.field}: ${p.message}`), [
      `people.csv:3: specialisms: unknown specialism "Mathz"; use one of: ${SPECIALISMS.join(', ')}`,
      'people.csv:3: days_per_year: "ten" is not a whole number of days',
      'people.csv:3: email: not an email address',
      'people.csv:5: designation: leave empty for a head; designations belong to supporters',
      'people.csv:6: email: good@example.org is already on line 2',
      'people.csv:7: designation: a supporter needs a designation',
      'people.csv:8: row: has 3 cells but the header has 10 columns',
    ]);
    assert.match(error.message, /Nothing was imported: people\.csv has 7 problems/);
    assert.deepEqual(await people(), [], 'not even the good row is written');
  });

  it('refuses a base school that is not in the alliance and says to import schools first', async () => {
    const error = await failure(csv(PEOPLE_HEADER, 'a@example.org,A Person,supporter,999999,SLE,maths,primary,10,,'));

    assert.ok(error instanceof ValidationError);
    assert.equal(error.problems[0].field, 'people.csv:2: base_school_urn');
    assert.match(error.problems[0].message, /no school with URN 999999 in alliance test-hub; import the schools file first/);
  });

  it('updates in place on re-import (same random id, found by email) and keeps remembered channel ids the file leaves empty', async () => {
    await load(csv(
      PEOPLE_HEADER,
      'priya@example.org,Priya Shah,supporter,990001,SLE,maths,primary,15,aad-priya,U0PRIYA',
      'tom@example.org,Tom Bradley,supporter,990002,SLE,science,secondary,10,aad-tom,U0TOM',
    ));
    const idsBefore = (await people()).map((p) => p.id);
    const withEmptyIds = csv(PEOPLE_HEADER, 'priya@example.org,Priya Shah-Jones,supporter,990002,NLE,english,,20,,');
    assert.deepEqual(await load(withEmptyIds), { created: 0, updated: 1 });
    const withoutIdColumns = csv(
      'email,name,role,base_school_urn,designation,specialisms,phases,days_per_year',
      'tom@example.org,Tom Bradley,supporter,990002,SLE,science;maths,secondary,12',
    );
    assert.deepEqual(await load(withoutIdColumns), { created: 0, updated: 1 });

    const [priya, tom] = await people();
    assert.deepEqual([priya.id, tom.id], idsBefore);
    assert.deepEqual(
      { name: priya.name, school: priya.baseSchoolUrn, designation: priya.designation, specialisms: priya.specialisms, phases: priya.phases },
      { name: 'Priya Shah-Jones', school: '990002', designation: 'NLE', specialisms: ['english'], phases: [] },
    );
    assert.equal(priya.teamsAadObjectId, 'aad-priya');
    assert.equal(priya.slackUserId, 'U0PRIYA');
    assert.deepEqual(tom.specialisms, ['science', 'maths']);
    assert.equal(tom.teamsAadObjectId, 'aad-tom');
  });

  it('refuses an alliance that does not exist', async () => {
    const error = await importPeople(temp.store, temp.clock, 'elsewhere', { fileName: 'p.csv', text: csv(PEOPLE_HEADER) }).catch((e: unknown) => e);

    assert.ok(error instanceof BotError);
    assert.match(error.message, /no alliance "elsewhere"/);
  });

  it('reports progress while checking a large file', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => `p${i}@example.org,Person ${i},supporter,990001,SLE,maths,primary,10,,`);
    const progress: string[] = [];
    const result = await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'big.csv', text: csv(PEOPLE_HEADER, ...rows) }, {
      onProgress: (line) => progress.push(line),
    });

    assert.equal(result.created, 4500);
    assert.deepEqual(progress, ['big.csv: 2000 of 4500 rows checked', 'big.csv: 4000 of 4500 rows checked', 'big.csv: no problems found; writing…']);
  });
});
