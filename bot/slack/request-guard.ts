import type { IncomingMessage, ServerResponse } from 'node:http';
import type { isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../services/logger.js';

/** Slack's window: a request older or newer than this is refused, and a replay inside it is ignored. */
const WINDOW_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * In front of Bolt's receiver, which checks the signature and refuses stale requests but accepts a
 * timestamp from the future and runs the same signed request as often as it arrives. This refuses
 * timestamps more than 5 minutes ahead (401) and acknowledges a repeat without running it: the same
 * event id (Slack's retries carry X-Slack-Retry-Num and the same event_id) or the same signature
 * (a captured request sent again). Bolt then reads the body this buffered.
 */
export function guardSlackRequests(listener: Listener, signingSecret: string, logger: Logger, verify: typeof isValidSlackRequest): Listener {
  const seen = new Map<string, number>();
  return (req, res) => {
    void readBody(req).then((body) => {
      if (!body) {
        answer(res, 413);
        return;
      }
      Object.assign(req, { rawBody: body });
      const text = body.toString('utf8');
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      const signature = String(req.headers['x-slack-signature'] ?? '');
      // Wall-clock time, as Slack and Bolt use: the domain clock may be set to another day in tests.
      const now = Math.floor(Date.now() / 1000);
      if (!signature || !verify({ signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } })) {
        listener(req, res); // Bolt answers 401 and logs why.
        return;
      }
      if (timestamp > now + WINDOW_SECONDS) {
        logger.warn({ timestamp, now }, 'Slack request refused: its timestamp is more than 5 minutes in the future');
        answer(res, 401);
        return;
      }
      const key = eventId(text) ?? `signature:${signature}`;
      forgetExpired(seen, now);
      if (seen.has(key)) {
        logger.info({ key, retry: req.headers['x-slack-retry-num'] }, 'Slack request already handled: acknowledged, not run again');
        answer(res, 200);
        return;
      }
      seen.set(key, now + 2 * WINDOW_SECONDS);
      listener(req, res);
    }).catch((error: unknown) => {
      logger.error({ err: error }, 'Slack request could not be read');
      if (!res.headersSent) answer(res, 400);
    });
  };
}

function answer(res: ServerResponse, status: number): void {
  res.statusCode = status;
  res.end();
}

/** The Events API event id; other payloads (commands, actions, views) have none. */
function eventId(text: string): string | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const id = (JSON.parse(text) as { event_id?: unknown }).event_id;
    return typeof id === 'string' && id ? `event:${id}` : undefined;
  } catch {
    return undefined;
  }
}

function forgetExpired(seen: Map<string, number>, now: number): void {
  for (const [key, expires] of seen) {
    if (expires > now) break; // Insertion order is expiry order.
    seen.delete(key);
  }
}

/** The raw body, or undefined when it is larger than Slack ever sends. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
