import { strict as assert } from 'node:assert';
import type { School } from '../../../services/domain/school.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import { BotError, ValidationError } from '../../../services/errors.js';
import { csv, openStoreWithAlliance, SCHOOLS_HEADER, TWO_SCHOOLS, type TempStore } from './temp-store.js';

describe('importSchools', () => {
  let temp: TempStore;
  beforeEach(async () => { temp = await openStoreWithAlliance(); });
  afterEach(() => temp.close());

  const schools = () => temp.store.query<School>('test-hub', { type: 'school', orderBy: [{ field: 'urn' }] });

  it('imports every row as a school keyed by URN', async () => {
    const result = await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });

    assert.deepEqual(result, { created: 2, updated: 0 });
    const [riverside, kingfisher] = await schools();
    assert.equal(riverside.id, 'school-990001');
    assert.equal(riverside.trust, 'Severn Vale Learning Trust');
    assert.equal(riverside.ofstedJudgement, 'outstanding');
    assert.equal(kingfisher.phase, 'secondary');
    assert.equal(kingfisher.trust, undefined);
  });

  it('accepts spreadsheet spellings of phase, judgement and date', async () => {
    const text = csv(SCHOOLS_HEADER, '990003,Hawthorn Junior School,Primary School,Worcestershire,wr9 7qa,,Requires improvement,17/05/2023');
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text });

    const [school] = await schools();
    assert.equal(school.phase, 'primary');
    assert.equal(school.postcode, 'WR9 7QA');
    assert.equal(school.ofstedJudgement, 'requires-improvement');
    assert.equal(school.ofstedDate, '2023-05-17');
  });

  it('updates in place on re-import: same ids, changed and emptied cells applied', async () => {
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });
    const changed = csv(
      SCHOOLS_HEADER,
      '990001,Riverside Primary Academy,primary,Worcestershire,WR1 2AB,,outstanding,2022-11-16',
      '990002,Kingfisher Academy,secondary,Worcestershire,WR4 9PG,,good,2023-03-08',
    );
    const result = await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: changed });

    assert.deepEqual(result, { created: 0, updated: 2 });
    const all = await schools();
    assert.equal(all.length, 2);
    assert.equal(all[0].name, 'Riverside Primary Academy');
    assert.equal(all[0].trust, undefined);
  });

  it('reports every bad row as file:line: column: message and writes nothing', async () => {
    const text = csv(
      SCHOOLS_HEADER,
      '990001,Riverside Primary School,primary,Worcestershire,WR1 2AB,,good,2022-11-16',
      '12345,Short Urn School,middle,Worcestershire,NOT A POSTCODE,,good,2022-11-16',
      '990001,Riverside Again,primary,,,,,',
      '990004,Fine School,secondary,,,,brilliant,yesterday',
    );
    const error = await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text }).then(
      () => assert.fail('expected the import to fail'),
      (e: unknown) => e,
    );

    assert.ok(error instanceof ValidationError);
    assert.match(error.message, /Nothing was imported: schools\.csv has 6 problems/);
    const lines = error.problems.map((p) => `${p.field}: ${p.message}`);
    assert.deepEqual(lines, [
      'schools.csv:3: urn: a URN is 6 digits',
      'schools.csv:3: phase: "middle" is not one of: nursery, primary, secondary, special, post-16, all-through',
      'schools.csv:3: postcode: not a UK postcode',
      'schools.csv:4: urn: 990001 is already on line 2',
      lines[4],
      'schools.csv:5: ofsted_date: use YYYY-MM-DD',
    ]);
    assert.match(lines[4], /^schools\.csv:5: ofsted_judgement: "brilliant" is not one of: outstanding, good, /);
    assert.deepEqual(await schools(), []);
  });

  it('reports a wrong header on line 1', async () => {
    const text = csv('urn,name,stage,local_authority,postcode,trust,ofsted_judgement,ofsted_date', '990001,A School,primary,,,,,');
    const error = await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 's.csv', text }).catch((e: unknown) => e);

    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.problems.map((p) => p.field), ['s.csv:1: stage', 's.csv:1: phase']);
    assert.match(error.problems[1].message, /missing column/);
  });

  it('reports a file that is not valid CSV at the line where it breaks', async () => {
    const text = csv(SCHOOLS_HEADER, '990001,"Riverside Primary School,primary,,,,,');
    const error = await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 's.csv', text }).catch((e: unknown) => e);

    assert.ok(error instanceof ValidationError);
    assert.equal(error.problems[0].field, 's.csv:2: file');
    assert.match(error.problems[0].message, /not readable as CSV \(Quote Not Closed/);
  });

  it('refuses an alliance that does not exist, saying how to create it', async () => {
    const error = await importSchools(temp.store, temp.clock, 'no-such-hub', { fileName: 's.csv', text: TWO_SCHOOLS }).catch((e: unknown) => e);

    assert.ok(error instanceof BotError);
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /no alliance "no-such-hub".*npx s2s alliance add --id no-such-hub/);
  });
});
