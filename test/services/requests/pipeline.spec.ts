import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAlliance } from '../../../scripts/generate-directory.js';
import { fixedClock } from '../../../services/clock.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { loadPipeline, PIPELINE_STAGES } from '../../../services/requests/pipeline.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { countingStore } from '../../helpers/counting-store.js';

const clock = fixedClock('2026-11-23T10:00:00.000Z');
const HUB = 'board-hub';
const PER_STAGE = 3;

describe('pipeline board (loadPipeline)', () => {
  let dir: string;
  let store: SqliteStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 's2s-pipeline-'));
    store = new SqliteStore(join(dir, 's2s.db'));
    // This year's requests are at every stage, each stage with more than a page of them.
    await generateAlliance(store, { allianceId: HUB, schools: 30, supporters: 40, requestsPerYear: 300, years: 2, now: clock.now() });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows each stage's oldest requests and its true total, for the whole backlog and for a filter", async () => {
    const all = await store.query<SupportRequest>(HUB, { type: 'supportRequest', orderBy: [{ field: 'createdAt' }] });
    for (const filters of [{}, { phase: 'primary' as const }]) {
      const board = await loadPipeline({ store, clock }, HUB, filters, PER_STAGE);
      const wanted = all.filter((r) => !('phase' in filters) || r.phase === filters.phase);
      for (const { stage, total, items } of board.stages) {
        const inStage = wanted.filter((r) => r.status === stage);
        assert.equal(total, inStage.length, `${stage} total`);
        assert.deepEqual(items.map((i) => i.request.id), inStage.slice(0, PER_STAGE).map((r) => r.id), `${stage}: the oldest first`);
      }
      assert.ok(board.stages.some((s) => s.total > PER_STAGE), 'some stage has more than a page');
    }
  });

  it('reads a page of requests per stage, not the backlog', async () => {
    const counting = countingStore(store);
    await loadPipeline({ store: counting.store, clock }, HUB, {}, PER_STAGE);
    const [schools, people] = await Promise.all([store.count(HUB, { type: 'school' }), store.count(HUB, { type: 'person' })]);
    const shown = PIPELINE_STAGES.length * PER_STAGE;
    // Schools and people for names, then per stage a page and a count; the shown requests' deployments and reports, and the alliance.
    assert.ok(counting.cost().documentsRead <= schools + people + shown * 3 + 1, JSON.stringify(counting.cost()));
    assert.ok(counting.cost().documentsRead < (await store.count(HUB, { type: 'supportRequest' })), 'fewer than the requests stored');
  });
});
