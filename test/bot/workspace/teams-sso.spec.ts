import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { TeamsHarness } from '../../helpers/teams-harness.js';
import { WorkspaceClient } from '../../helpers/workspace-client.js';

const APP_ID = randomUUID();
const TENANT = randomUUID();

/** Entra's key endpoint, played by a local server publishing one RSA public key. */
async function startJwksServer(): Promise<{ server: Server; url: string; key: CryptoKey; kid: string }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`, key: privateKey, kid };
}

describe('workspace: Teams tab single sign-on', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;

  before(async () => {
    jwks = await startJwksServer();
    harness.env = { TEAMS_SSO_APP_ID: APP_ID, TEAMS_SSO_JWKS_URL: jwks.url, WORKSPACE_URL: 'https://s2s.example.org' };
    await harness.start();
  });
  after(async () => {
    await harness.stop();
    jwks.server.close();
  });

  async function token(overrides: { key?: CryptoKey; audience?: string; issuer?: string; oid?: string; expiresIn?: string } = {}): Promise<string> {
    return new SignJWT({ tid: TENANT, oid: overrides.oid ?? DEMO_IDENTITIES.manager.teamsAadObjectId, preferred_username: 'someone@tenant.example' })
      .setProtectedHeader({ alg: 'RS256', kid: jwks.kid })
      .setIssuer(overrides.issuer ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(overrides.audience ?? `api://s2s.example.org/${APP_ID}`)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresIn ?? '1h')
      .sign(overrides.key ?? jwks.key);
  }

  it('serves the tab page, which loads the Teams library from this server', async () => {
    const page = await new WorkspaceClient(harness.app.url).get('/workspace/teams');
    assert.equal(page.status, 200);
    assert.match(page.html, /<script src="\/workspace\/static\/teams-js\.js"/);
    const script = await fetch(`${harness.app.url}/workspace/static/teams-js.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /getAuthToken/);
  });

  it('signs the manager in with a valid token, mapped by AAD object id', async () => {
    const client = new WorkspaceClient(harness.app.url);
    const signedIn = await client.postJson('/workspace/sso', { token: await token() });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.json.redirect, '/workspace');
    // The tab is a cross-site frame inside Teams: only a SameSite=None, Secure, Partitioned cookie reaches it.
    assert.match(signedIn.headers.get('set-cookie') ?? '', /HttpOnly; Secure; Partitioned; SameSite=None/i);
    assert.equal((await client.get('/workspace/board')).status, 200);
  });

  it('refuses forged, expired and misaddressed tokens', async () => {
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const forged = [
      await token({ key: otherKey }),
      await token({ audience: randomUUID() }),
      await token({ issuer: 'https://evil.example/v2.0' }),
      await token({ issuer: `https://login.microsoftonline.com/${randomUUID()}/v2.0` }),
      await token({ expiresIn: '-10m' }),
      'not-a-token',
    ];
    for (const bad of forged) {
      const client = new WorkspaceClient(harness.app.url);
      const answer = await client.postJson('/workspace/sso', { token: bad });
      assert.equal(answer.status, 401, `refused: ${bad.slice(0, 30)}`);
      assert.equal((await client.get('/workspace/board')).location, '/workspace/sign-in');
    }
  });

  it('refuses a valid token for someone the directory does not know', async () => {
    const answer = await new WorkspaceClient(harness.app.url).postJson('/workspace/sso', { token: await token({ oid: randomUUID() }) });
    assert.equal(answer.status, 403);
    assert.match(String(answer.json.error), /not in the alliance directory/);
  });
});
