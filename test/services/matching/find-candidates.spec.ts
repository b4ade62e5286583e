import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../services/clock.js';
import type { MatchNeed } from '../../../services/matching/match-scoring.js';
import { findCandidates, type FindCandidatesOptions } from '../../../services/matching/find-candidates.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { ALLIANCE, deployment, REQUESTING_URN, SCHOOLS, school, supporter } from './matching-fixtures.js';

const MATHS: MatchNeed = { specialisms: ['maths'], phase: 'primary', daysWanted: 3, schoolUrn: REQUESTING_URN };

describe('findCandidates on a SQLite store', () => {
  let dir: string;
  let store: SqliteStore;
  const clock = fixedClock('2026-03-15T12:00:00.000Z');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-matching-'));
    store = new SqliteStore(join(dir, 'store.db'));
    const docs = [
      ...SCHOOLS,
      school('300001', { name: 'Aire Academy', trust: 'Aire Trust' }),
      supporter('Zed Maths'),
      supporter('Cy Maths'),
      supporter('Ann Sametrust', { baseSchoolUrn: '300001' }),
      supporter('Eve Erased', { erasedAt: '2026-01-01T00:00:00.000Z' }),
      supporter('Bea Booked', { daysPerYear: 5 }),
      supporter('Pia Phonics', { specialisms: ['phonics'] }),
      supporter('Ray English', { specialisms: ['english', 'history'] }),
      { ...supporter('Hal Head'), role: 'head' as const },
      { ...supporter('Olu Elsewhere'), allianceId: 'other-alliance' },
      deployment('person-zed-maths', 'planned', '2026-01-20T09:00:00.000Z', 4),
      deployment('person-zed-maths', 'evaluated', '2025-03-01T09:00:00.000Z', 3, 4),
      deployment('person-zed-maths', 'evaluated', '2025-05-01T09:00:00.000Z', 2, 3),
      deployment('person-cy-maths', 'declined', '2026-02-01T09:00:00.000Z', 10),
      deployment('person-bea-booked', 'active', '2025-10-01T09:00:00.000Z', 5),
    ];
    for (const doc of docs) await store.create(doc);
  });

  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const find = (need: MatchNeed, options?: FindCandidatesOptions, on: DocumentStore = store) =>
    findCandidates(on, clock, ALLIANCE, need, options);

  it('ranks the alliance’s supporters with workload worked out from their deployments', async () => {
    const { candidates, total } = await find(MATHS);
    assert.equal(total, 2);
    assert.deepEqual(candidates.map((c) => c.name), ['Cy Maths', 'Zed Maths']);
    assert.equal(candidates[1].reason, 'maths, primary; 11 of 15 days free; rated 3.5/4 on 2 deployments; 1 deployment in the last 90 days');
    assert.equal(candidates[0].reason, 'maths, primary; 15 of 15 days free; not yet rated');
  });

  it('pages and leaves out excluded supporters', async () => {
    assert.deepEqual((await find(MATHS, { offset: 1, limit: 1 })).candidates.map((c) => c.name), ['Zed Maths']);
    const { candidates, total } = await find(MATHS, { excludeIds: ['person-cy-maths'] });
    assert.deepEqual([candidates.map((c) => c.name), total], [['Zed Maths'], 1]);
  });

  it('finds related fits', async () => {
    const { candidates } = await find({ specialisms: ['phonics'], phase: 'primary' });
    assert.deepEqual(candidates.map((c) => [c.name, c.reason.split(';')[0]]), [
      ['Pia Phonics', 'phonics, primary'],
      ['Ray English', 'related: english (asked for phonics), primary'],
    ]);
  });

  it('reads every supporter when no specialism is asked, still skipping erased people, other roles and other alliances', async () => {
    const { candidates } = await find({ specialisms: [], phase: 'primary', schoolUrn: REQUESTING_URN }, { limit: 10 });
    assert.deepEqual(candidates.map((c) => c.name).sort(), ['Cy Maths', 'Pia Phonics', 'Ray English', 'Zed Maths']);
  });
});
