import { strict as assert } from 'node:assert';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAlliance } from '../../../scripts/generate-directory.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';

describe('SqliteStore query plans on a filled file', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 's2s-plan-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads indexed fields through their index, not by scanning the alliance, once the file holds an alliance', async function () {
    this.timeout(60_000);
    const path = join(dir, 'hub.db');
    // Written and closed by one connection (an import), then opened by the bot (a restart).
    const importer = new SqliteStore(path);
    await generateAlliance(importer, { allianceId: 'hub', schools: 1000, supporters: 2000, requestsPerYear: 2000, years: 3, now: new Date('2026-11-23T10:00:00Z') });
    await importer.close();
    const store = new SqliteStore(path);
    const planner = new Database(path, { readonly: true });
    try {
      // The SQL SqliteStore.query writes for `eq` and `in` conditions.
      const plan = (type: string, field: string, values: string[]) => planner
        .prepare(`EXPLAIN QUERY PLAN SELECT etag, body FROM documents WHERE type = ? AND alliance_id = ? AND json_extract(body, '$.${field}') IN (${values.map(() => '?').join(', ')})`)
        .all(type, 'hub', ...values).map((row) => (row as { detail: string }).detail).join('; ');
      assert.match(plan('visitReport', 'deploymentId', ['deployment-1']), /USING INDEX documents_by_deploymentId/);
      assert.match(plan('person', 'role', ['manager', 'admin']), /USING INDEX documents_by_role/);
    } finally {
      planner.close();
      await store.close();
    }
  });
});
