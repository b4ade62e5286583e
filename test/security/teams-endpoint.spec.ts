import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../services/config/config.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';
import { seedDemo } from '../../services/directory/seed-demo.js';
import { systemClock } from '../../services/clock.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { FakeBotSignIn, forgerKey } from '../helpers/fake-bot-signin.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';

// Attacks on /api/messages of a production deployment, over loopback HTTP, as the black-box test made them.

const MANAGER = { id: '29:helen', email: 'helen.carter@riverside-hub.example', name: 'Helen Carter' };
const INTERNAL_TEXT = /Error|stack|openID|Unauthorized\.|ECONNREFUSED|\bat [A-Za-z.]+ \(|node_modules/;

describe('security: the Teams endpoint in production', function () {
  this.timeout(30_000);
  // The attacker's own "Bot Connector": it answers member look-ups with the manager's email.
  const attacker = new FakeBotConnector();
  const slack = new FakeSlackApi();
  const signIn = new FakeBotSignIn();
  const appId = randomUUID();
  const running: Array<{ app: RunningApp; dir: string }> = [];

  before(async () => {
    await attacker.start();
    await slack.start();
    await signIn.start();
    attacker.members.set(MANAGER.id, { id: MANAGER.id, aadObjectId: 'aad-attacker', email: MANAGER.email, name: MANAGER.name });
  });

  after(async () => {
    for (const { app, dir } of running) {
      await app.close(500);
      rmSync(dir, { recursive: true, force: true });
    }
    await attacker.stop();
    await slack.stop();
    await signIn.stop();
  });

  // botframework-connector prints refused tokens with console.error; those are expected here.
  const consoleError = console.error;
  beforeEach(() => {
    attacker.memberLookups.length = 0;
    attacker.clear();
    console.error = () => {};
  });
  afterEach(() => {
    console.error = consoleError;
  });

  /** The real app in production mode on a seeded SQLite file (Cosmos is required by config, so its URL is a stand-in). */
  async function production(env: NodeJS.ProcessEnv): Promise<RunningApp> {
    const dir = mkdtempSync(join(tmpdir(), 's2s-sec-'));
    const config = loadConfig({
      S2S_MODE: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER: 'off',
      COSMOS_ENDPOINT: 'https://unused.documents.azure.example:443/',
      WORKSPACE_URL: 'https://s2s.example/', WORKSPACE_SESSION_SECRET: 'a'.repeat(40), ...env,
    });
    const store = new SqliteStore(join(dir, 's2s.db'));
    await seedDemo(store, systemClock);
    const app = await startApp(config, { store, logger: pino({ level: 'silent' }), startOutbox: false });
    running.push({ app, dir });
    return app;
  }

  function activity(fields: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `attack-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: attacker.url,
      from: { id: MANAGER.id, name: MANAGER.name, aadObjectId: 'aad-attacker' },
      recipient: { id: `28:${appId}` },
      conversation: { id: 'a:attacker', conversationType: 'personal', tenantId: 'tenant-1' },
      text: 'my requests',
      ...fields,
    };
  }

  async function post(app: RunningApp, body: Record<string, unknown>, token?: string) {
    const started = Date.now();
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text(), ms: Date.now() - started };
  }

  describe('with only Slack configured', () => {
    let app: RunningApp;
    before(async () => {
      app = await production({ SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: slack.apiUrl, SLACK_BOT_ID: 'B1', SLACK_BOT_USER_ID: 'U1' });
    });

    it('does not serve /api/messages at all (404), so no look-up reaches the caller\'s serviceUrl', async () => {
      const answer = await post(app, activity());
      assert.equal(answer.status, 404);
      assert.doesNotMatch(answer.text, INTERNAL_TEXT);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(attacker.memberLookups, []);
      assert.deepEqual(attacker.calls, [], 'nothing was sent to the attacker');
    });
  });

  describe('with Teams configured', () => {
    let app: RunningApp;
    before(async () => {
      app = await production({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'MultiTenant', BOT_OPENID_METADATA_URL: signIn.metadataUrl });
    });

    const refusals: Array<[string, () => string | undefined]> = [
      ['no token', () => undefined],
      ['a token that is not a JWT', () => 'not-a-token'],
      ['a token signed with a key Bot Framework never published', () => signIn.token(appId, attacker.url, { signWith: forgerKey() })],
      ['an expired token', () => signIn.token(appId, attacker.url, { expiresInSeconds: -600 })],
      ['a token for another bot', () => signIn.token(randomUUID(), attacker.url)],
      ['a genuine token for another serviceUrl', () => signIn.token(appId, 'https://smba.trafficmanager.net/emea/')],
    ];
    for (const [name, token] of refusals) {
      it(`refuses ${name} with 401, no internal text and no member look-up`, async () => {
        const answer = await post(app, activity(), token());
        assert.equal(answer.status, 401, answer.text);
        assert.doesNotMatch(answer.text, INTERNAL_TEXT);
        assert.deepEqual(attacker.memberLookups, []);
        assert.deepEqual(attacker.calls, []);
      });
    }

    it('runs an activity whose token Bot Framework signed for this bot and serviceUrl', async () => {
      const answer = await post(app, activity({ type: 'conversationUpdate', text: undefined }), signIn.token(appId, attacker.url));
      assert.equal(answer.status, 200, answer.text);
    });
  });

  describe('when Bot Framework sign-in cannot be reached', () => {
    for (const mode of ['error', 'stall'] as const) {
      it(`answers a forged token with 503 within a few seconds when the signing keys ${mode === 'error' ? 'fail to load' : 'never arrive'}`, async () => {
        const outage = new FakeBotSignIn();
        await outage.start();
        try {
          outage.mode = mode;
          const app = await production({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'MultiTenant', BOT_OPENID_METADATA_URL: outage.metadataUrl });
          const answer = await post(app, activity(), outage.token(appId, attacker.url, { signWith: forgerKey() }));
          assert.equal(answer.status, 503, answer.text);
          assert.ok(answer.ms < 8000, `answered after ${answer.ms} ms`);
          assert.doesNotMatch(answer.text, INTERNAL_TEXT);
          assert.deepEqual(attacker.memberLookups, []);
        } finally {
          await outage.stop();
        }
      });
    }
  });
});
