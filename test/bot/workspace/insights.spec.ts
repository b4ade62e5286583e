import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { newAlliance } from '../../../services/domain/alliance.js';
import type { Person } from '../../../services/domain/person.js';
import { REPORT_MANAGER_ID, reportAlliance } from '../../helpers/report-fixtures.js';
import { TeamsHarness } from '../../helpers/teams-harness.js';
import { WorkspaceClient } from '../../helpers/workspace-client.js';
import { signInLinkFor } from '../../helpers/workspace-fixtures.js';

// Capacity and impact over plain HTTP, for a manager of an alliance with figures worked out by hand.
describe('workspace: capacity and impact', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let manager: WorkspaceClient;

  async function signIn(allianceId: string, personId: string): Promise<WorkspaceClient> {
    const client = new WorkspaceClient(harness.app.url);
    await client.get(await signInLinkFor(harness, allianceId, personId));
    const redeemed = await client.post('/workspace/link', { token: decodeURIComponent(/name="token" value="([^"]+)"/.exec(client.lastHtml)![1]!) });
    assert.equal(redeemed.status, 303);
    return client;
  }

  before(async () => {
    await harness.start();
    await harness.app.store.upsertAll!(reportAlliance('report-hub'));
    manager = await signIn('report-hub', REPORT_MANAGER_ID);
  });
  after(() => harness.stop());

  it('lists where the alliance is short first, and sorts by a column heading', async () => {
    const page = await manager.get('/workspace/capacity');
    assert.equal(page.status, 200);
    assert.match(page.html, /Where the alliance is short<\/h2><ul><li><strong>Science, secondary<\/strong>: 3 days asked, no supporter offers it<\/li><li><strong>Maths, primary<\/strong>: 12 days asked, 11 spare/);
    assert.match(page.html, /aria-sort="descending"><a href="\/workspace\/capacity\?sort=shortfall">Short by \(days\)/);
    const bySpare = await manager.get('/workspace/capacity?sort=spareDays');
    assert.match(bySpare.html, /aria-sort="descending"><a href="\/workspace\/capacity\?sort=spareDays">/);
    const firstRow = /<tbody>\s*<tr[^>]*>\s*<th scope="row">([^<]+)<\/th><td>([^<]+)<\/td>\s*<td class="num">\d+<\/td><td class="num">([\d.]+)</.exec(bySpare.html);
    assert.deepEqual(firstRow?.slice(1), ['Maths', 'Primary', '11']);
    assert.match(page.html, /Fairness: days given in 2026\/27[\s\S]*<th scope="row">Sam Rivers<\/th><td>Elm Primary<\/td><td class="num">4<\/td><td class="num">10<\/td>/);
  });

  it("shows one local authority's need, and keeps it when sorting", async () => {
    const page = await manager.get('/workspace/capacity?la=Walsall&sort=daysAsked');
    assert.match(page.html, /Supporters' spare days cover every waiting request from Walsall&#39;s schools\./);
    assert.match(page.html, /<option value="Walsall" selected>Walsall<\/option>/);
    assert.match(page.html, /href="\/workspace\/capacity\?la=Walsall&amp;sort=spareDays"/);
  });

  it('says plainly when there is nothing to compare', async () => {
    await harness.app.store.upsertAll!([
      newAlliance({ id: 'empty-hub', name: 'Empty Hub', now: harness.clock.now() }),
      { id: 'person-empty-manager', allianceId: 'empty-hub', type: 'person', email: 'm@empty.example', name: 'Mo Empty', role: 'manager', specialisms: [], phases: [], daysPerYear: 0, updatedAt: harness.clock.now().toISOString() } satisfies Person,
    ]);
    const empty = await signIn('empty-hub', 'person-empty-manager');
    const capacity = await empty.get('/workspace/capacity');
    assert.match(capacity.html, /Nothing to compare yet/);
    const impact = await empty.get('/workspace/impact');
    assert.match(impact.html, /No evaluations were submitted from 2025-09-01 to 2026-11-23/);
  });

  it('shows the ratings with a chart and a table beside it, and downloads them as CSV', async () => {
    const page = await manager.get('/workspace/impact');
    assert.equal(page.status, 200);
    assert.match(page.html, /<strong>2 evaluations<\/strong> from 2025-09-01 to 2026-11-23: objectives met 2\.8 of 4 on average, supporter effectiveness 3\.0 of 4; 3\.5 days delivered, £1,325\.00/);
    assert.match(page.html, /<svg class="chart"[^>]*role="img" aria-labelledby="chart-specialism-title"/);
    assert.match(page.html, /<th scope="row">Spring term 2026<\/th>[\s\S]*<th scope="row">Autumn term 2026<\/th>/);
    assert.match(page.html, /<th scope="row">Sam Rivers<\/th><td>SLE<\/td><td class="num">1<\/td><td class="num">4\.0<\/td>/);
    const csv = await manager.get('/workspace/impact.csv?from=2026-01-01&to=2026-06-30');
    assert.match(csv.headers.get('content-disposition') ?? '', /impact-2026-01-01-to-2026-06-30\.csv/);
    const rows = parse(csv.html, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((r) => [r.reference, r.supporter, r.effectiveness]), [['S2S-2026-0022', 'Alex Moss', '2']]);
    const backwards = await manager.get('/workspace/impact?from=2026-06-30&to=2026-01-01');
    assert.equal(backwards.status, 400);
  });

  it("shows another alliance's manager only their own alliance, and a head neither page", async () => {
    const demoManager = new WorkspaceClient(harness.app.url);
    await demoManager.get('/workspace/sign-in');
    await demoManager.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.manager.email });
    const impact = await demoManager.get('/workspace/impact');
    assert.equal(impact.status, 200);
    assert.doesNotMatch(impact.html, /Sam Rivers|Alex Moss/);
    assert.doesNotMatch((await demoManager.get('/workspace/capacity')).html, /Science, secondary/);
    const head = new WorkspaceClient(harness.app.url);
    await head.get('/workspace/sign-in');
    await head.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.head.email });
    for (const path of ['/workspace/capacity', '/workspace/impact', '/workspace/impact.csv']) assert.equal((await head.get(path)).status, 403, path);
    assert.equal((await new WorkspaceClient(harness.app.url).get('/workspace/impact.csv')).status, 303, 'anonymous: to sign-in');
  });
});
