import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../bot/app.js';
import { fixedClock } from '../../services/clock.js';
import { loadConfig } from '../../services/config/config.js';
import type { DocumentStore } from '../../services/store/document-store.js';
import type { Logger } from '../../services/logger.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';
import { cardOf, FakeBotConnector } from './fake-bot-connector.js';
import { executeActions } from './card-actions.js';
import { DEMO_IDENTITIES } from '../../services/directory/seed-demo.js';

export interface TeamsUser {
  aadObjectId: string;
  /** The Teams user id (29:…) the connector knows. */
  id: string;
  name: string;
  email?: string;
}

export interface Place {
  conversationId: string;
  scope: 'personal' | 'channel';
  channelName?: string;
}

export function personalChat(user: TeamsUser): Place {
  return { conversationId: `a:personal-${user.aadObjectId}`, scope: 'personal' };
}

export const BROKERAGE_CHANNEL: Place = { conversationId: '19:brokerage@thread.tacv2', scope: 'channel', channelName: 'Brokerage' };

let sequence = 0;

/** The bot running for real on loopback, on a temporary SQLite file, talking to a fake Bot Connector. */
export class TeamsHarness {
  readonly connector = new FakeBotConnector();
  readonly clock = fixedClock('2026-11-23T10:00:00Z');
  app!: RunningApp;
  /** More settings for the bot (e.g. Teams SSO for the workspace), set before start(). */
  env: NodeJS.ProcessEnv = {};
  /** Silent unless a test wants to read what the bot logs. */
  logger: Logger = pino({ level: 'silent' });
  /** Brokers new requests after the turn, as production does; `app.broker.idle()` waits for it. Set before start(). */
  brokerInBackground = false;
  private dir = '';

  /** `openStore` swaps the SQLite file for another store (e.g. Cosmos); it gets the temporary SQLite path. */
  constructor(private readonly openStore: (sqlitePath: string) => Promise<DocumentStore> = async (path) => new SqliteStore(path)) {}

  /** The SQLite file this harness uses (unless `openStore` chose another store). */
  get sqlitePath(): string {
    return join(this.dir, 's2s.db');
  }

  async start(): Promise<void> {
    await this.connector.start();
    this.dir = mkdtempSync(join(tmpdir(), 's2s-teams-'));
    await this.boot();
  }

  /** Stops the running bot (as a crash or redeploy would) and starts a new one on the same store file. */
  async restart(): Promise<void> {
    await this.app.close(1000);
    await this.boot();
  }

  private async boot(): Promise<void> {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(this.dir, 's2s.db'), LOG_LEVEL: 'silent', SCHEDULER: 'off', ...this.env });
    const store = await this.openStore(join(this.dir, 's2s.db'));
    this.app = await startApp(config, { store, clock: this.clock, logger: this.logger, startOutbox: false, brokerInBackground: this.brokerInBackground });
  }

  async stop(): Promise<void> {
    await this.app.close(1000);
    await this.connector.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  addMember(user: TeamsUser): void {
    this.connector.members.set(user.id, { id: user.id, aadObjectId: user.aadObjectId, email: user.email, name: user.name });
  }

  /** POSTs one activity to /api/messages, as the Teams service would. */
  async post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  activity(user: TeamsUser, place: Place, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `incoming-${++sequence}`,
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      timestamp: this.clock.now().toISOString(),
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:s2s-bot', name: 'S2S' },
      conversation: { id: place.conversationId, conversationType: place.scope, tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' }, ...(place.channelName ? { channel: { id: place.conversationId, name: place.channelName } } : {}) },
      ...fields,
    };
  }

  say(user: TeamsUser, text: string, place = personalChat(user)) {
    return this.post(this.activity(user, place, { type: 'message', text }));
  }

  /** Presses an Action.Execute button (or submits a form) on the card with id `replyToId`. */
  press(user: TeamsUser, verb: string, data: Record<string, unknown>, replyToId: string, place = personalChat(user)) {
    return this.post(this.activity(user, place, cardAction(verb, data, replyToId)));
  }

  install(user: TeamsUser, place = personalChat(user)) {
    return this.post(this.activity(user, place, { type: 'installationUpdate', action: 'add' }));
  }
}

/** The activity fields of pressing an Action.Execute button (or submitting a form) on the card with id `replyToId`. */
export function cardAction(verb: string, data: Record<string, unknown>, replyToId: string): Record<string, unknown> {
  return { type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data } } };
}

/** A demo person as Teams shows them to the bot: `29:<role>` and their AAD object id. */
export function demoTeamsUser(role: 'head' | 'manager' | 'supporter'): TeamsUser {
  const identity = DEMO_IDENTITIES[role];
  return { id: `29:${role}`, aadObjectId: identity.teamsAadObjectId, name: identity.name };
}

/** The head asks for 2 days of KS2 maths support through the request form in their chat. */
export async function requestSupportInChat(harness: TeamsHarness, head: TeamsUser): Promise<void> {
  await harness.say(head, 'request support');
  const form = cardOf(harness.connector.posted(personalChat(head).conversationId).at(-1)!);
  const submit = executeActions(form).find((a) => a.verb.endsWith('.submit'))!;
  await harness.press(head, submit.verb, {
    ...submit.data, specialisms: 'maths', phase: 'primary', daysWanted: '2', preferredStart: '2026-12-01',
    need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.', outcomes: 'A consistent calculation policy.',
  }, 'request-form');
}
