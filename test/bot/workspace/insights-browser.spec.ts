import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { generateAlliance } from '../../../scripts/generate-directory.js';
import { assertAccessible, launchChromium, screenshot } from '../../helpers/browser.js';
import { TeamsHarness } from '../../helpers/teams-harness.js';
import { signInLinkFor } from '../../helpers/workspace-fixtures.js';

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

  it('shows capacity against need, cold spots first, sortable by any column', async () => {
    await page.getByRole('link', { name: 'Capacity and need' }).click();
    await assertAccessible(page, 'capacity and need');
    await screenshot(page, 'capacity');
    const shortfalls = await page.locator('tbody tr td:nth-child(7)').allInnerTexts();
    const figures = shortfalls.map(Number);
    assert.deepEqual(figures, [...figures].sort((a, b) => b - a), 'largest shortfall first');
    await page.getByRole('link', { name: 'Spare days' }).click();
    await page.waitForURL(/sort=spareDays/);
    assert.equal(await page.getByRole('columnheader', { name: 'Spare days' }).getAttribute('aria-sort'), 'descending');
    const spare = (await page.locator('tbody tr td:nth-child(4)').allInnerTexts()).map(Number);
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
