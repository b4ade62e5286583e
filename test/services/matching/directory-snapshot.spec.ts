import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAlliance } from '../../../scripts/generate-directory.js';
import { fixedClock } from '../../../services/clock.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import type { School } from '../../../services/domain/school.js';
import { SPECIALISMS } from '../../../services/domain/specialisms.js';
import { savePerson } from '../../../services/directory/save-person.js';
import { noteDirectoryChange, readDirectoryVersion } from '../../../services/matching/directory-version.js';
import { writeAudited } from '../../../services/audited-write.js';
import { findCandidates } from '../../../services/matching/find-candidates.js';
import { rankPage, type RankedPage } from '../../../services/matching/rank-supporters.js';
import { summariseWorkloads } from '../../../services/matching/workload.js';
import { directorySnapshot } from '../../../services/matching/directory-snapshot.js';
import { RECENT_WINDOW_DAYS, type MatchNeed } from '../../../services/matching/match-scoring.js';
import { ALLIANCE, deployment } from './matching-fixtures.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { countingStore } from '../../helpers/counting-store.js';

const clock = fixedClock('2026-11-23T10:00:00.000Z');

/** Ranking as it was before the in-memory directory: everything read from the store on every search. */
async function rankFromScratch(store: DocumentStore, allianceId: string, need: MatchNeed, limit: number): Promise<RankedPage> {
  const [people, schools, deployments] = await Promise.all([
    store.query<Person>(allianceId, { type: 'person', where: [{ field: 'role', op: 'eq', value: 'supporter' }] }),
    store.query<School>(allianceId, { type: 'school' }),
    store.query<Deployment>(allianceId, { type: 'deployment' }),
  ]);
  return rankPage({
    need, supporters: people, limit,
    schools: new Map(schools.map((school) => [school.urn, school])),
    workloads: summariseWorkloads(deployments, clock.now()),
  });
}

describe('in-memory directory for searches', () => {
  let dir: string;
  const stores: SqliteStore[] = [];
  const open = (name: string) => stores[stores.push(new SqliteStore(join(dir, `${name}.db`))) - 1];

  before(() => { dir = mkdtempSync(join(tmpdir(), 's2s-snapshot-')); });
  after(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks exactly as reading everything does, on a generated directory, before and after changes', async () => {
    const store = open('same');
    const { head } = await generateAlliance(store, { allianceId: 'gen-hub', schools: 120, supporters: 600, requestsPerYear: 400, years: 3, now: clock.now() });
    const needs: MatchNeed[] = SPECIALISMS.slice(0, 12).map((specialism, n) => ({
      specialisms: [specialism], phase: n % 2 ? 'primary' : null, daysWanted: 1 + (n % 4), ...(n % 3 ? { schoolUrn: head.baseSchoolUrn } : {}),
    }));
    const compare = async () => {
      for (const need of needs) {
        const ours = await findCandidates(store, clock, 'gen-hub', need, { limit: 10 });
        assert.deepEqual(ours, await rankFromScratch(store, 'gen-hub', need, 10), `ranking for ${need.specialisms.join()}`);
      }
    };
    await compare();
    // Rate, cancel and commit deployments as the services would, noting each change.
    const deployments = await store.query<Deployment>('gen-hub', { type: 'deployment', orderBy: [{ field: 'id' }], limit: 30 });
    for (const [n, deployment] of deployments.entries()) {
      const changed = n % 3 === 0 ? { effectivenessRating: 4 } : n % 3 === 1 ? { status: 'cancelled' as const } : { createdAt: clock.now().toISOString(), status: 'planned' as const };
      await store.replace<Deployment>({ ...deployment, ...changed }, deployment._etag);
      await noteDirectoryChange(store, 'gen-hub', 'deployment', deployment.id);
    }
    await compare();
  });

  it('reads the same documents per search with 50,000 supporters and three years of history as with 1,000', async function () {
    this.timeout(180_000);
    const costOf = async (supporters: number, requestsPerYear: number) => {
      const store = open(`size-${supporters}`);
      await generateAlliance(store, { allianceId: 'size-hub', schools: 250, supporters, requestsPerYear, years: 3, now: clock.now() });
      const counting = countingStore(store);
      const need: MatchNeed = { specialisms: ['maths'], phase: 'primary', daysWanted: 3 };
      await findCandidates(counting.store, clock, 'size-hub', need);
      counting.reset();
      const page = await findCandidates(counting.store, clock, 'size-hub', need);
      assert.ok(page.total > 0);
      return counting.cost();
    };
    const small = await costOf(1_000, 100);
    const large = await costOf(50_000, 800);
    assert.deepEqual(large, small);
    assert.equal(large.documentsRead, 1, 'the directory version only');
  });

  it('sees a change another instance noted, reading only that record', async () => {
    const path = join(dir, 'shared.db');
    const first = new SqliteStore(path);
    const inner = new SqliteStore(path);
    stores.push(first, inner);
    const counting = countingStore(inner);
    const second = counting.store;
    await generateAlliance(first, { allianceId: 'shared-hub', schools: 20, supporters: 100, requestsPerYear: 50, years: 1, now: clock.now() });
    const need: MatchNeed = { specialisms: ['maths'], phase: null };
    const [top] = (await findCandidates(second, clock, 'shared-hub', need)).candidates;
    const person = (await first.get<Person>('shared-hub', top.personId))!;
    await first.replace<Person>({ ...person, erasedAt: clock.now().toISOString() }, person._etag);
    await noteDirectoryChange(first, 'shared-hub', 'person', person.id);
    counting.reset();
    const after = await findCandidates(counting.store, clock, 'shared-hub', need);
    assert.ok(!after.candidates.some((c) => c.personId === top.personId), 'the erased supporter is gone');
    assert.deepEqual(counting.cost().calls, { get: 2 });
  });

  it('sees a person edited in the workspace (savePerson) on the next search', async () => {
    const store = open('edited');
    await generateAlliance(store, { allianceId: 'edit-hub', schools: 20, supporters: 100, requestsPerYear: 20, years: 1, now: clock.now() });
    const need: MatchNeed = { specialisms: ['maths'], phase: null };
    const [top] = (await findCandidates(store, clock, 'edit-hub', need)).candidates;
    const person = (await store.get<Person>('edit-hub', top.personId))!;
    const { email, name, role, baseSchoolUrn, designation, phases, daysPerYear } = person;
    await savePerson(store, clock, 'edit-hub', { email, name, role, baseSchoolUrn, designation, phases, daysPerYear, specialisms: ['art'] }, person._etag);
    const after = await findCandidates(store, clock, 'edit-hub', need);
    assert.ok(!after.candidates.some((c) => c.personId === top.personId), 'no longer offered for maths');
  });

  it('tells other instances of deployment writes ranking sees, and only of those', async () => {
    const store = open('audited');
    await generateAlliance(store, { allianceId: 'audit-hub', schools: 20, supporters: 60, requestsPerYear: 40, years: 1, now: clock.now() });
    const [deployment] = await store.query<Deployment>('audit-hub', { type: 'deployment', where: [{ field: 'status', op: 'eq', value: 'completed' }], limit: 1 });
    const seq = async () => (await readDirectoryVersion(store, 'audit-hub'))?.seq ?? 0;
    const ctx = { store, clock };
    const need: MatchNeed = { specialisms: ['maths'], phase: null, daysWanted: 2 };
    await findCandidates(store, clock, 'audit-hub', need); // this instance now ranks from memory
    const before = await seq();
    // A status ranking counts the same (completed → evaluated: both committed), a note: nothing to tell.
    const evaluated = await writeAudited(ctx, deployment, { by: 'manager', action: 'status', to: 'evaluated', note: 'checked' });
    assert.equal(await seq(), before);
    // A rating changes the supporter's standing.
    const rated = await writeAudited(ctx, evaluated, { by: 'manager', action: 'rated', changes: { effectivenessRating: 1 } });
    assert.equal(await seq(), before + 1);
    // Cancelled days no longer count against the supporter.
    await writeAudited(ctx, rated, { by: 'manager', action: 'status', to: 'cancelled' });
    assert.equal(await seq(), before + 2);
    assert.deepEqual(await findCandidates(store, clock, 'audit-hub', need, { limit: 10 }), await rankFromScratch(store, 'audit-hub', need, 10));
  });

  it('sums workloads once while they hold, and again when a deployment leaves the recent window', async () => {
    const store = open('window');
    const now = fixedClock('2026-11-23T10:00:00.000Z');
    // Ten minutes before it is no longer recent; the directory is not reloaded for 30 minutes.
    const leavesSoon = new Date(now.now().getTime() - RECENT_WINDOW_DAYS * 86_400_000 + 10 * 60_000).toISOString();
    await store.create(deployment('ann', 'planned', leavesSoon, 2));
    const first = await directorySnapshot(store, ALLIANCE, now.now());
    assert.equal(first.workloads.get('ann')?.recentDeployments, 1);
    now.advance(5 * 60_000);
    assert.equal((await directorySnapshot(store, ALLIANCE, now.now())).workloads, first.workloads, 'still true: not summed again');
    now.advance(10 * 60_000);
    assert.equal((await directorySnapshot(store, ALLIANCE, now.now())).workloads.get('ann')?.recentDeployments, 0);
  });
});
