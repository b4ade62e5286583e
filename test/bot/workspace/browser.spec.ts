import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { assertAccessible as assertAccessibleAt, DESKTOP, launchChromium, screenshot, TEAMS_TAB } from '../../helpers/browser.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { BROKERAGE_CHANNEL, personalChat, TeamsHarness } from '../../helpers/teams-harness.js';
import { signInLinkPath } from '../../helpers/workspace-client.js';
import { setJoiningSettings } from '../../../services/membership/joining-settings.js';
import { requestToJoin } from '../../../services/membership/request-to-join.js';
import { HEAD, linkBrokerageChannel, submitRequestInTeams } from '../../helpers/workspace-fixtures.js';

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

  const assertAccessible = (name: string) => assertAccessibleAt(page, name);

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
    // Proposed now: the card says when the supporter's answer is due and offers remind and close.
    const proposed = page.locator('#request-S2S-2026-0001');
    assert.match(await proposed.innerText(), /Next step due Mon 30 Nov, waiting on the supporter/);
    await proposed.getByText('Close…').click();
    await proposed.scrollIntoViewIfNeeded();
    await assertAccessible('board with a proposed request');
    await proposed.scrollIntoViewIfNeeded();
    await screenshot(page, 'board-proposed');
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

  it('adds a supporter in the directory, who is then found by a search in chat', async () => {
    await signInAsManager();
    await page.getByRole('link', { name: 'Directory' }).click();
    await assertAccessible('directory');
    await screenshot(page, 'directory');
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByRole('button', { name: 'Add this person' }).click();
    assert.match(await page.getByRole('alert').innerText(), /Nothing was saved/);
    await assertAccessible('person form with errors');
    await page.getByLabel('Work email').fill('cara.jones@st-peters.example');
    await page.getByLabel('Name', { exact: true }).fill('Cara Jones');
    await page.getByLabel('Role').selectOption('supporter');
    await page.getByLabel('Base school').selectOption('990002');
    await page.getByLabel('Designation').selectOption('SLE');
    await page.getByLabel('Citizenship').check();
    await page.getByLabel('Primary').check();
    await page.getByLabel('Days offered a year').fill('12');
    await screenshot(page, 'person-form');
    await page.getByRole('button', { name: 'Add this person' }).click();
    await page.waitForURL(/done=added/);
    assert.match(await page.getByRole('status').innerText(), /Added: Cara Jones/);
    harness.connector.clear();
    await harness.say(HEAD, 'find an SLE in citizenship');
    assert.match(textOf(harness.connector.posted(personalChat(HEAD).conversationId)[0]!), /Cara Jones/);
  });

  it('checks an uploaded CSV, lists every problem by line, and writes nothing', async () => {
    const before = await harness.app.store.query(DEMO_ALLIANCE_ID, { type: 'person' });
    await signInAsManager();
    await page.goto(`${harness.app.url}/workspace/directory/import`);
    await assertAccessible('upload form');
    const csv = [
      'email,name,role,base_school_urn,designation,specialisms,phases,days_per_year',
      'new.one@school.example,New One,supporter,990001,SLE,maths,primary,10',
      'bad@school.example,Bad Row,supporter,123,SLE,underwater basket weaving,primary,10',
    ].join('\n');
    await page.setInputFiles('#file', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problems = await page.locator('main').innerText();
    assert.match(problems, /people\.csv:3: base_school_urn\s+a URN is 6 digits/);
    assert.match(problems, /people\.csv:3: specialisms\s+unknown specialism "underwater basket weaving"/);
    assert.doesNotMatch(problems, /people\.csv:2/);
    await assertAccessible('import problems');
    await screenshot(page, 'import-problems');
    assert.equal((await harness.app.store.query(DEMO_ALLIANCE_ID, { type: 'person' })).length, before.length, 'nothing written');

    await page.goto(`${harness.app.url}/workspace/directory/import`);
    await page.setInputFiles('#file', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.split('\n').slice(0, 2).join('\n')) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    assert.match(await page.getByRole('status').innerText(), /add 1 and update 0 people. Nothing has been written yet/);
    assert.equal((await harness.app.store.query(DEMO_ALLIANCE_ID, { type: 'person' })).length, before.length, 'the preview writes nothing');
    await page.getByRole('button', { name: 'Import 1 people' }).click();
    await page.waitForURL(/done=imported/);
    assert.equal((await harness.app.store.query(DEMO_ALLIANCE_ID, { type: 'person' })).length, before.length + 1);
  });

  it('opens each report with no serious accessibility problem', async () => {
    await signInAsManager();
    for (const [name, path] of [['finance', '/workspace/finance'], ['delivery-problems', '/workspace/delivery']] as const) {
      const response = await page.goto(`${harness.app.url}${path}`);
      assert.equal(response?.status(), 200, name);
      await assertAccessible(name);
      await screenshot(page, name);
    }
  });

  it('approves a school that asked to join', async () => {
    const ctx = { store: harness.app.store, clock: harness.clock };
    await setJoiningSettings(ctx, DEMO_ALLIANCE_ID, { listed: true, memorandum: 'Member schools share expertise and pay the agreed day rates.' });
    await requestToJoin(ctx, { channel: 'teams', userId: 'aad-willow-head', address: { conversation: { id: 'a:willow' } } }, DEMO_ALLIANCE_ID, {
      school: { urn: '990077', name: 'Willow Primary School', phase: 'primary', localAuthority: 'Worcestershire', postcode: 'WR2 4AA' },
      headName: 'Wendy Willow', email: 'wendy@willow.example', memorandumAcknowledged: true,
    }, 'wendy@willow.example');
    await signInAsManager();
    await page.getByRole('link', { name: 'Joining and leaving' }).click();
    await assertAccessible('joining and leaving');
    await screenshot(page, 'membership');
    await page.getByRole('button', { name: 'Approve Willow Primary School' }).click();
    await page.waitForURL(/done=approve/);
    assert.match(await page.getByRole('status').innerText(), /Approved: the school and its head are in the directory/);
    assert.match(await page.getByRole('region', { name: 'Recent decisions' }).innerText(), /Willow Primary School \(URN 990077\)\s+Wendy Willow\s+Joined/);
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
