import type { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import type { TurnResult } from '../../bot/conversation/reply.js';
import type { Turn } from '../../bot/conversation/turn.js';
import { SlackTurns } from '../../bot/slack/SlackTurns.js';
import { fixedClock } from '../../services/clock.js';

export interface StubCall {
  method: string;
  args: Record<string, unknown>;
}

const METHODS = ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.open', 'views.publish', 'users.info', 'conversations.open'];

/** A Web API client stubbed per test: records each call; the method named in `failing` throws. */
export function stubSlackClient(failing?: string): { client: WebClient; calls: StubCall[] } {
  const calls: StubCall[] = [];
  const client: Record<string, Record<string, unknown>> = {};
  for (const method of METHODS) {
    const [group, name] = method.split('.');
    client[group] ??= {};
    client[group][name] = async (args: Record<string, unknown>) => {
      calls.push({ method, args });
      if (method === failing) throw new Error(`${method} failed`);
      return { ok: true, ts: '1.000001', channel: { id: 'D0OPENED' } };
    };
  }
  return { client: client as unknown as WebClient, calls };
}

/** What a listener is given besides its payload: ack, respond and a client, all recording. */
export function buildArgs(overrides: { failing?: string; result?: TurnResult; turnFails?: boolean } = {}) {
  const acks: unknown[] = [];
  const responses: Array<Record<string, unknown>> = [];
  const turnsSeen: Turn[] = [];
  const { client, calls } = stubSlackClient(overrides.failing);
  const errors: unknown[] = [];
  const logger = pino({ level: 'silent' });
  logger.error = ((obj: unknown) => void errors.push(obj)) as typeof logger.error;
  const turns = new SlackTurns(async (turn) => {
    turnsSeen.push(turn);
    if (overrides.turnFails) throw new Error('store unavailable');
    return overrides.result ?? { replies: [{ kind: 'text', text: 'hello' }] };
  }, fixedClock('2026-11-23T10:00:00Z'), logger);
  return {
    turns, client, calls, acks, responses, turnsSeen, errors,
    ack: async (response?: unknown) => void acks.push(response ?? 'ack'),
    respond: async (message: Record<string, unknown>) => void responses.push(message),
  };
}
