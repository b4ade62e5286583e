import assert from 'node:assert/strict';
import { DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';
import { signInLinkPath, WorkspaceClient } from '../../helpers/workspace-client.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');

// Sign-in over real HTTP: the link the bot sends in chat, sessions, CSRF and who may see which page.
describe('workspace: sign-in links, sessions and access', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  before(() => harness.start());
  after(() => harness.stop());

  async function linkFor(user: TeamsUser): Promise<string> {
    harness.connector.clear();
    await harness.say(user, 'open the workspace');
    return signInLinkPath(textOf(harness.connector.posted(personalChat(user).conversationId)[0]!));
  }

  it('sends anonymous visitors to sign in, and refuses their posts', async () => {
    const client = new WorkspaceClient(harness.app.url);
    const board = await client.get('/workspace/board');
    assert.equal(board.status, 303);
    assert.equal(board.location, '/workspace/sign-in');
    const signIn = await client.get('/workspace/sign-in');
    assert.equal(signIn.status, 200);
    assert.equal(signIn.headers.get('referrer-policy'), 'no-referrer');
    assert.match(signIn.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    const post = await client.post('/workspace/board/requests/request-x/decide', { outcome: 'on-hold' });
    assert.equal(post.status, 401);
  });

  it('signs the manager in with a one-time link from chat, into an HttpOnly SameSite cookie', async () => {
    const path = await linkFor(manager);
    const client = new WorkspaceClient(harness.app.url);
    const confirm = await client.get(path);
    assert.equal(confirm.status, 200, 'opening the link (as a chat preview would) does not use it up');
    const signedIn = await client.post('/workspace/link', { token: new URL(path, 'http://x').searchParams.get('t')! });
    assert.equal(signedIn.status, 303);
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\/workspace/);
    assert.equal((await client.get('/workspace')).location, '/workspace/board');
    const board = await client.get('/workspace/board');
    assert.equal(board.status, 200);
    assert.match(board.html, /Riverside Teaching School Hub/);

    const again = new WorkspaceClient(harness.app.url);
    await again.get(path);
    const reused = await again.post('/workspace/link', { token: new URL(path, 'http://x').searchParams.get('t')! });
    assert.equal(reused.status, 403);
    assert.match(reused.html, /expired or was already used/);
  });

  it('refuses a link that has expired', async () => {
    const path = await linkFor(manager);
    const client = new WorkspaceClient(harness.app.url);
    await client.get(path);
    harness.clock.advance(11 * 60_000);
    const late = await client.post('/workspace/link', { token: new URL(path, 'http://x').searchParams.get('t')! });
    assert.equal(late.status, 403);
  });

  it('sends no link in a channel, where others would see it', async () => {
    harness.connector.clear();
    await harness.say(manager, '@S2S open the workspace', BROKERAGE_CHANNEL);
    const [reply] = harness.connector.posted(BROKERAGE_CHANNEL.conversationId);
    assert.match(textOf(reply!), /only in our one-to-one chat/);
    assert.doesNotMatch(textOf(reply!), /workspace\/link/);
  });

  it('shows a head only their own work, never the manager pages', async () => {
    const path = await linkFor(head);
    const client = new WorkspaceClient(harness.app.url);
    await client.get(path);
    await client.post('/workspace/link', { token: new URL(path, 'http://x').searchParams.get('t')! });
    assert.equal((await client.get('/workspace')).location, '/workspace/my-work');
    const mine = await client.get('/workspace/my-work');
    assert.equal(mine.status, 200);
    assert.match(mine.html, /My school&#39;s requests/);
    assert.equal((await client.get('/workspace/board')).status, 403);
    assert.equal((await client.post('/workspace/board/requests/request-x/decide', { outcome: 'on-hold' })).status, 403);
  });

  it('refuses a form posted without its CSRF token, even when signed in', async () => {
    const client = new WorkspaceClient(harness.app.url);
    await client.get('/workspace/sign-in');
    await client.post('/workspace/sign-in/demo', { email: DEMO_IDENTITIES.manager.email });
    assert.equal((await client.get('/workspace/board')).status, 200);
    const forged = await client.post('/workspace/board/requests/request-x/decide', { outcome: 'on-hold' }, { csrf: false });
    assert.equal(forged.status, 403);
    assert.match(forged.html, /nothing was changed/);
    const wrong = await client.post('/workspace/board/requests/request-x/decide', { outcome: 'on-hold', _csrf: 'forged' }, { csrf: false });
    assert.equal(wrong.status, 403);
  });
});
