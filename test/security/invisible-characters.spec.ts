import { strict as assert } from 'node:assert';
import { parseFormSubmission } from '../../cards/form-definition.js';
import { importPeople } from '../../services/directory/import-people.js';
import type { Person } from '../../services/domain/person.js';
import { ALL, allFieldsForm } from '../cards/fixtures.js';
import { csv, openStoreWithAlliance, PEOPLE_HEADER, type TempStore } from '../services/directory/temp-store.js';

// Right-to-left overrides show a name backwards ("Trojan Source"); zero-width characters make two
// names that look the same differ. Both are stripped from names and single-line answers.
const RLO = '\u202E';
const ZERO_WIDTH = '\u200B\u200D\u2060\uFEFF';
const ISOLATES = '\u2066\u2069\u200F';

describe('security: invisible characters in names and one-line answers', () => {
  let temp: TempStore;
  beforeEach(async () => { temp = await openStoreWithAlliance(); });
  afterEach(() => temp.close());

  it('strips them from names on import', async () => {
    await importPeople(temp.store, temp.clock, 'test-hub', {
      fileName: 'p.csv', text: csv(PEOPLE_HEADER, `mark@example.org,M${ZERO_WIDTH}ark ${RLO}seivaD${ISOLATES},manager,,,,,,,`),
    });
    const [person] = await temp.store.query<Person>('test-hub', { type: 'person' });
    assert.equal(person.name, 'Mark seivaD');
  });

  it('strips them from single-line form answers on either channel, and leaves multi-line text alone', () => {
    const parsed = parseFormSubmission(allFieldsForm, {
      [ALL.name]: `Jo${ZERO_WIDTH} ${RLO}Bloggs`, [ALL.story]: `Line\u200Done`, [ALL.count]: '3', [ALL.when]: '2026-12-01',
      [ALL.colour]: 'red', [ALL.tags]: ['a'], [ALL.agree]: true,
    });
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(parsed.value.name, 'Jo Bloggs');
    // Joiners belong in some scripts' running text, so multi-line answers keep them.
    assert.equal(parsed.value.story, 'Line\u200Done');
  });
});
