import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { describeViolations, launchChromium, screenshot, seriousAccessibilityViolations } from '../../helpers/browser.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { BROKERAGE_CHANNEL, personalChat, TeamsHarness } from '../../helpers/teams-harness.js';
import { signInLinkPath } from '../../helpers/workspace-client.js';
import { HEAD, linkBrokerageChannel, submitRequestInTeams } from '../../helpers/workspace-fixtures.js';

const TEAMS_TAB = { width: 420, height: 900 };
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

// The real pages in headless Chromium: sign in, act on the board, and check every page with axe-core.
describe('workspace in a browser', function () {
  this.timeout(120_000);
  const harness = new TeamsHarness();
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    browser = await launchChromium(this);
    if (!browser) return;
    await harness.start();
    await submitRequestInTeams(harness);
    await linkBrokerageChannel(harness);
    harness.clock.advance(2 * 24 * 3600_000);
  });
  after(async () => {
    await browser?.close();
    if (browser) await harness.stop();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: DESKTOP });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function assertAccessible(name: string): Promise<void> {
    for (const viewport of [DESKTOP, TEAMS_TAB, PHONE]) {
      await page.setViewportSize(viewport);
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], `${name} at ${viewport.width}px:\n${describeViolations(violations)}`);
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      // Names what sticks out, so a failure says where to look.
      const wide = overflow > 1 ? await page.evaluate<string>(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).map((e) => e.tagName + '#' + e.id).slice(0, 8).join(', ')`) : '';
      assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at ${viewport.width}px: ${wide}`);
    }
    await page.setViewportSize(DESKTOP);
  }

  async function signInAsManager(): Promise<void> {
    await page.goto(`${harness.app.url}/workspace`);
    await assertAccessible('sign-in page');
    await screenshot(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in as Helen Carter' }).click();
    await page.waitForURL('**/workspace/board');
  }

  it('lets the manager approve a request on the board, and the Teams card updates', async () => {
    await signInAsManager();
    await assertAccessible('pipeline board');
    await page.setViewportSize(TEAMS_TAB);
    await screenshot(page, 'board-teams-tab');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'board');
    const card = page.locator('#request-S2S-2026-0001');
    await assert.doesNotReject(card.getByText('2 days old').waitFor());
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/done=approve/);
    assert.match(await page.getByRole('status').innerText(), /Approved: S2S-2026-0001/);
    const [request] = await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });
    assert.equal(request!.status, 'proposed');
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    assert.ok(harness.connector.updates(BROKERAGE_CHANNEL.conversationId).some((u) => /Approved by Helen Carter/.test(textOf(u))));
  });

  it('shows a head who signs in with a chat link only their own work', async () => {
    harness.connector.clear();
    await harness.say(HEAD, 'open the workspace');
    const path = signInLinkPath(textOf(harness.connector.posted(personalChat(HEAD).conversationId)[0]!));
    await page.goto(`${harness.app.url}${path}`);
    await page.getByRole('button', { name: 'Continue to the workspace' }).click();
    await page.waitForURL('**/workspace/my-work');
    assert.match(await page.locator('h1').innerText(), /My school's requests/);
    assert.match(await page.locator('main').innerText(), /S2S-2026-0001/);
    await assertAccessible('my work');
    await screenshot(page, 'my-work');
    assert.equal(await page.getByRole('link', { name: 'Pipeline' }).count(), 0);
    const board = await page.goto(`${harness.app.url}/workspace/board`);
    assert.equal(board?.status(), 403);
  });

  it('reads without JavaScript', async () => {
    const noScript = await browser!.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${harness.app.url}/workspace/sign-in`);
    await plain.getByRole('button', { name: 'Sign in as Helen Carter' }).click();
    await plain.waitForURL('**/workspace/board');
    assert.match(await plain.locator('main').innerText(), /S2S-2026-0001/);
    await noScript.close();
  });
});
