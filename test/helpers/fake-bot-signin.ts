import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { closeLoopback, listenOnLoopback } from './loopback-server.js';

/** The issuer Bot Framework puts on tokens it sends to bots. */
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * A local Bot Framework sign-in service: the OpenID metadata and signing keys the bot checks
 * tokens against (BOT_OPENID_METADATA_URL), and a signer for tokens as the Teams service sends them.
 * `mode` makes it fail the way a real outage does: answer 500, or accept the connection and never answer.
 */
export class FakeBotSignIn {
  mode: 'ok' | 'error' | 'stall' = 'ok';
  url = '';
  private server?: Server;
  private held: ServerResponse[] = [];
  private readonly keyId = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (this.mode === 'stall') return void this.held.push(res);
      if (this.mode === 'error') {
        res.writeHead(500);
        return void res.end('down');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${this.url}/v1/.well-known/keys` }));
      } else {
        const { n, e } = this.keys.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, n, e, endorsements: ['msteams'] }] }));
      }
    });
    this.url = await listenOnLoopback(this.server!);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server, this.held);
  }

  /** A channel token for `appId` naming `serviceUrl`; `signWith` forges one with another key. */
  token(appId: string, serviceUrl: string, options: { expiresInSeconds?: number; signWith?: KeyObject } = {}): string {
    const key = options.signWith ?? this.keys.privateKey;
    const now = Math.floor(Date.now() / 1000);
    const expires = now + (options.expiresInSeconds ?? 3600);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.keyId };
    const claims = { iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl, iat: now, nbf: Math.min(now, expires) - 60, exp: expires };
    const unsigned = `${base64url(header)}.${base64url(claims)}`;
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
  }
}

/** A key Bot Framework never published: tokens signed with it are forgeries. */
export function forgerKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
