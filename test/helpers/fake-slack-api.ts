import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeLoopback, listenOnLoopback } from './loopback-server.js';

export interface SlackCall {
  /** The Web API method (chat.postMessage …), or "response_url" for a POST to a response URL. */
  method: string;
  path: string;
  /** The token the call was made with (Authorization: Bearer …). */
  token?: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for the Slack Web API: records every call with its decoded body, answers ok
 * with plausible ids, and answers users.info from `emails`. `failNext` makes calls to a method fail.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly emails = new Map<string, string>();
  failNext: Array<{ method: string; error: string }> = [];
  /** Methods whose next call is never answered (a stalled Slack). */
  stallNext: string[] = [];
  /** Refuses every call it names an error for (e.g. posts to a DM the person never opened). */
  refuse: (method: string, body: Record<string, unknown>) => string | undefined = () => undefined;
  url = '';
  private server?: Server;
  private counter = 0;

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(): string {
    return `${this.url}/respond/${++this.counter}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = req.url ?? '';
        const method = path.startsWith('/api/') ? path.slice(5).split('?')[0] : 'response_url';
        const stall = this.stallNext.indexOf(method);
        if (stall >= 0) {
          this.stallNext.splice(stall, 1);
          return;
        }
        const failure = this.failNext.findIndex((f) => f.method === method);
        const refused = this.refuse(method, body);
        if (failure >= 0 || refused) {
          const error = refused ?? this.failNext.splice(failure, 1)[0].error;
          res.writeHead(error === 'ratelimited' ? 429 : 200, { 'content-type': 'application/json', ...(error === 'ratelimited' ? { 'retry-after': '7' } : {}) });
          res.end(JSON.stringify({ ok: false, error }));
          return;
        }
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        this.calls.push({ method, path, ...(token ? { token } : {}), body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body)));
      });
    });
    this.url = await listenOnLoopback(this.server!);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  called(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Listeners answer after the ack, so tests wait for the call they expect. */
  async waitFor(method: string, match: (call: SlackCall) => boolean = () => true, timeoutMs = 5000): Promise<SlackCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find((c) => c.method === method && match(c));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${method} call arrived; got ${this.calls.map((c) => c.method).join(', ') || 'none'}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const ts = `1764000000.${String(++this.counter).padStart(6, '0')}`;
    switch (method) {
      case 'chat.postMessage':
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts ?? ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).slice(1)}` } };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.counter}`, ...(body.view as object) } };
      case 'users.info': {
        const email = this.emails.get(String(body.user));
        return email ? { ok: true, user: { id: body.user, profile: { email } } } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: true };
    }
  }
}

/** The Web API sends form-encoded bodies with JSON in some fields (blocks, view); response URLs get JSON. */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(text) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  return fields;
}

/** Every string in a recorded message or view: for "the answer says …" checks. */
export function slackTextOf(call: SlackCall): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk({ text: call.body.text, blocks: call.body.blocks, view: call.body.view });
  return strings.join(' ');
}

/** The buttons in a recorded message or view, with their decoded data. */
export function slackButtons(call: SlackCall): Array<{ actionId: string; text: string; data: Record<string, unknown> }> {
  const found: Array<{ actionId: string; text: string; data: Record<string, unknown> }> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'button') {
        found.push({ actionId: String(record.action_id), text: String((record.text as { text?: string })?.text), data: JSON.parse(String(record.value ?? '{}')) });
      } else Object.values(record).forEach(walk);
    }
  };
  walk({ blocks: call.body.blocks, view: call.body.view });
  return found;
}
