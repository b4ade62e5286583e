import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../services/config/config.js';
import { ConfigError } from '../../services/errors.js';
import { CosmosStore } from '../../services/store/CosmosStore.js';
import { type CosmosTestServer, startCosmosServer } from '../helpers/cosmos-server.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { signedHeaders } from '../helpers/slack-signing.js';
import { WorkspaceClient } from '../helpers/workspace-client.js';

const SIGNING_SECRET = 'production-signing-secret';

/** A complete production environment: Cosmos DB at the in-process server, Slack at the fake Web API. */
function productionEnvironment(cosmos: CosmosTestServer, slack: FakeSlackApi): NodeJS.ProcessEnv {
  return {
    S2S_MODE: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SCHEDULER: 'off',
    MICROSOFT_APP_ID: randomUUID(),
    MICROSOFT_APP_PASSWORD: 'test-password',
    MICROSOFT_APP_TENANT_ID: randomUUID(),
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: `production-${randomUUID()}`,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-production',
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_ID: 'B0S2S',
    SLACK_BOT_USER_ID: 'U0S2SBOT',
    WORKSPACE_URL: 'https://s2s.example.org',
    WORKSPACE_SESSION_SECRET: 'a-test-secret-that-is-at-least-32-characters-long',
  };
}

// The real app over loopback HTTP, configured as a deployment is: nothing reaches it unauthenticated.
describe('production mode', function () {
  this.timeout(30_000);
  const slack = new FakeSlackApi();
  let cosmos: CosmosTestServer;
  let app: RunningApp;

  before(async () => {
    await slack.start();
    cosmos = await startCosmosServer();
    const config = loadConfig(productionEnvironment(cosmos, slack));
    if (config.store.kind !== 'cosmos') throw new Error(`production chose the ${config.store.kind} store`);
    // The configured Cosmos store, plus the client options the in-process server needs.
    const store = await CosmosStore.connect(config.store, cosmos.clientOptions);
    app = await startApp(config, { store, logger: pino({ level: 'silent' }), startOutbox: false });
  });

  after(async () => {
    await app?.close(1000);
    await cosmos?.stop();
    await slack.stop();
  });

  async function postSlack(body: string, headers: Record<string, string>): Promise<number> {
    const response = await fetch(`${app.url}/slack/events`, { method: 'POST', headers, body });
    await response.text();
    return response.status;
  }

  it('loads no demo data', () => {
    assert.equal(app.seeded, false);
  });

  it('refuses an activity POSTed to /api/messages without a Bot Framework token with 401', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'unauthenticated-1',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: '29:intruder', name: 'Intruder' },
        recipient: { id: '28:s2s-bot' },
        conversation: { id: 'a:intruder', conversationType: 'personal' },
        text: 'my requests',
      }),
    });
    assert.equal(response.status, 401);
  });

  it('refuses an unsigned Slack request with 401 and runs nothing', async () => {
    const slashCommand = new URLSearchParams({
      command: '/s2s', text: 'my requests', user_id: 'U0INTRUDER', channel_id: 'D0INTRUDER', team_id: 'T0S2S',
      response_url: slack.responseUrl(), trigger_id: 'trigger-1',
    }).toString();
    assert.equal(await postSlack(slashCommand, { 'content-type': 'application/x-www-form-urlencoded' }), 401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(slack.calls, []);
    // The route is there and answers Slack: the same request correctly signed gets its ack.
    assert.equal(await postSlack(slashCommand, signedHeaders(SIGNING_SECRET, slashCommand, 'application/x-www-form-urlencoded')), 200);
  });

  it('opens the workspace only through Teams SSO or a sign-in link: no demo sign-in, no anonymous pages', async () => {
    const client = new WorkspaceClient(app.url);
    const signIn = await client.get('/workspace/sign-in');
    assert.doesNotMatch(signIn.html, /demo person/);
    const demo = await client.post('/workspace/sign-in/demo', { email: 'helen.carter@riverside-hub.example' });
    assert.equal(demo.status, 403);
    assert.equal((await client.get('/workspace/board')).location, '/workspace/sign-in');
    assert.equal((await client.postJson('/workspace/sso', { token: 'forged' })).status, 401);
  });

  it('refuses to start without COSMOS_ENDPOINT, naming it', () => {
    const { COSMOS_ENDPOINT: _endpoint, COSMOS_KEY: _key, ...withoutCosmos } = productionEnvironment(cosmos, slack);
    assert.throws(
      () => loadConfig(withoutCosmos),
      (error: unknown) => error instanceof ConfigError && /COSMOS_ENDPOINT: production stores records in Azure Cosmos DB/.test(error.message),
    );
  });
});
