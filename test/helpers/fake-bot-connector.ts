import { createServer, type IncomingMessage, type Server } from 'node:http';
import { listenOnLoopback } from './loopback-server.js';

export interface RecordedCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
}

export interface FakeMember {
  id: string;
  aadObjectId?: string;
  email?: string;
  name?: string;
}

/**
 * A local stand-in for the Bot Connector service: records every reply, proactive message and
 * update the bot makes, and answers member look-ups from a list the test gives it.
 */
export class FakeBotConnector {
  readonly calls: RecordedCall[] = [];
  readonly members = new Map<string, FakeMember>();
  /** Every member id the bot asked about (TeamsInfo.getMember), in order. */
  readonly memberLookups: string[] = [];
  /** Set to make the next calls fail with this status (and optional Retry-After seconds). */
  failNext: Array<{ status: number; retryAfter?: number }> = [];
  /** Posts to these conversations get 404, as Teams answers for a chat it lost (tests set it while the outbox runs). */
  refusePosts: (conversationId: string) => boolean = () => false;
  private server?: Server;
  private counter = 0;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readJson(req).then((body) => {
        const path = req.url ?? '';
        const match = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?/.exec(path);
        const conversationId = decodeURIComponent(match?.[1] ?? '');
        const refused = req.method === 'POST' && match?.[2] === 'activities' && this.refusePosts(conversationId);
        const failure = refused ? { status: 404 } : req.method !== 'GET' ? this.failNext.shift() : undefined;
        if (failure) {
          res.writeHead(failure.status, { 'content-type': 'application/json', ...(failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {}) });
          res.end(JSON.stringify({ error: { code: 'Failure', message: `fake ${failure.status}` } }));
          return;
        }
        if (match?.[2] === 'members' && req.method === 'GET') {
          this.memberLookups.push(decodeURIComponent(match[3] ?? ''));
          const member = this.members.get(decodeURIComponent(match[3] ?? ''));
          res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(member ? { ...member, userPrincipalName: member.email } : { error: { code: 'NotFound' } }));
          return;
        }
        const activityId = match?.[3] ? decodeURIComponent(match[3]) : undefined;
        this.calls.push({ method: req.method ?? '', path, conversationId, activityId, body });
        const id = req.method === 'PUT' ? activityId : `activity-${++this.counter}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      });
    });
    this.url = await listenOnLoopback(this.server!);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** New messages (replies and proactive posts) to a conversation. */
  posted(conversationId: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId);
  }

  updates(conversationId: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.conversationId === conversationId);
  }

  clear(): void {
    this.calls.length = 0;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** All text a recorded message shows: its plain text and every string inside its card. */
export function textOf(call: RecordedCall): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk({ text: call.body.text, attachments: call.body.attachments });
  return strings.join(' ');
}

/** The Adaptive Card a recorded message carries. */
export function cardOf(call: RecordedCall): Record<string, unknown> | undefined {
  const attachments = call.body.attachments as Array<{ content?: Record<string, unknown> }> | undefined;
  return attachments?.[0]?.content;
}
