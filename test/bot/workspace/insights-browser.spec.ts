import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { generateAlliance } from '../../../scripts/generate-directory.js';
import { assertAccessible, launchChromium, screenshot } from '../../helpers/browser.js';
import { TeamsHarness } from '../../helpers/teams-harness.js';
import { MANAGER, signInLinkFor } from '../../helpers/workspace-fixtures.js';
import { importPeople } from '../../../services/directory/import-people.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { personInAllianceWithEmail } from '../../../services/identity/email-index.js';

// Capacity and impact in headless Chromium, for a generated alliance with two years of history.
describe('workspace reports in a browser', function () {
  this.timeout(120_000);
  const harness = new TeamsHarness();
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    browser = await launchChromium(this);
    if (!browser) return;
    await harness.start();
    const { manager } = await generateAlliance(harness.app.store, {
      allianceId: 'midlands-hub', schools: 40, supporters: 30, requestsPerYear: 90, years: 2, now: harness.clock.now(),
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${harness.app.url}${await signInLinkFor(harness, 'midlands-hub', manager.id)}`);
    await page.getByRole('button', { name: 'Continue to the workspace' }).click();
    await page.waitForURL('**/workspace/board');
  });
  after(async () => {
    await browser?.close();
    if (browser) await harness.stop();
  });

  it('lets a manager of two alliances choose one', async () => {
    await importPeople(harness.app.store, harness.clock, 'midlands-hub', {
      fileName: 'people.csv',
      text: `email,name,role,base_school_urn,designation,specialisms,phases,days_per_year,teams_aad_object_id\n${DEMO_IDENTITIES.manager.email},Helen Carter,manager,,,,,,${MANAGER.aadObjectId}\n`,
    });
    const helen = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const helenInDemo = await personInAllianceWithEmail(harness.app.store, DEMO_ALLIANCE_ID, DEMO_IDENTITIES.manager.email);
    await helen.goto(`${harness.app.url}${await signInLinkFor(harness, DEMO_ALLIANCE_ID, helenInDemo!.id, MANAGER)}`);
    await helen.getByRole('button', { name: 'Continue to the workspace' }).click();
    await helen.waitForURL('**/workspace/choose');
    await assertAccessible(helen, 'alliance chooser');
    await screenshot(helen, 'choose-alliance');
    await helen.getByRole('button', { name: 'Open Hub midlands-hub' }).click();
    await helen.waitForURL('**/workspace/board');
    assert.match(await helen.locator('header').innerText(), /Hub midlands-hub/);
    await helen.getByRole('link', { name: 'Switch alliance' }).click();
    await helen.getByRole('button', { name: 'Open Riverside Teaching School Hub' }).click();
    await helen.waitForURL('**/workspace/board');
    assert.match(await helen.locator('header').innerText(), /Riverside Teaching School Hub/);
    await helen.close();
  });

  it('shows capacity against need, cold spots first, sortable by any column', async () => {
    await page.getByRole('link', { name: 'Capacity and need' }).click();
    await assertAccessible(page, 'capacity and need');
    await screenshot(page, 'capacity');
    const table = page.getByRole('region', { name: 'Capacity and need by specialism and phase' });
    const shortfalls = await table.locator('tbody tr td:nth-child(7)').allInnerTexts();
    const figures = shortfalls.map(Number);
    assert.deepEqual(figures, [...figures].sort((a, b) => b - a), 'largest shortfall first');
    await page.getByRole('link', { name: 'Spare days' }).click();
    await page.waitForURL(/sort=spareDays/);
    assert.equal(await page.getByRole('columnheader', { name: 'Spare days' }).getAttribute('aria-sort'), 'descending');
    const spare = (await table.locator('tbody tr td:nth-child(4)').allInnerTexts()).map(Number);
    assert.deepEqual(spare, [...spare].sort((a, b) => b - a));
  });

  it('shows impact as charts, each with the same figures in a table beside it', async () => {
    await page.getByRole('link', { name: 'Impact' }).click();
    await assertAccessible(page, 'impact');
    await screenshot(page, 'impact');
    const chart = page.getByRole('img', { name: /By specialism: average rating/ });
    assert.equal(await chart.count(), 1);
    const bars = await chart.locator('rect').count();
    const rows = await page.getByRole('region', { name: 'By specialism' }).locator('tbody tr').count();
    assert.ok(rows > 3, 'generated history covers several specialisms');
    assert.equal(bars, rows * 2, 'two bars (objectives, effectiveness) per row of the table');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download as CSV' }).click();
    assert.match((await download).suggestedFilename(), /^impact-2025-09-01-to-2026-11-23\.csv$/);
  });
});
