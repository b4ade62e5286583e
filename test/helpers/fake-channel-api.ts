import type { Clock } from '../../services/clock.js';
import { ChannelApiError } from '../../services/errors.js';

export type CallOutcome = 'posted' | 'deduplicated' | 'throttled' | 'bad-gateway' | 'network' | 'timeout-after-posting' | 'forbidden';

export interface ChannelCall {
  conversation: string;
  key: string;
  at: number;
  outcome: CallOutcome;
}

export interface FakeChannelApi {
  /** Posts once per delivery key; a repeated key returns the first post without showing it again. */
  post(conversation: string, key: string): Promise<{ messageId: string }>;
  readonly calls: ChannelCall[];
  /** What people saw: one entry per post shown in a conversation. */
  readonly shown: Array<{ conversation: string; key: string; at: number }>;
}

export interface FakeChannelOptions {
  clock: Clock;
  /** Share of calls that fail: a third throttled (429 with Retry-After), a sixth 502, a sixth network
   * errors, all before posting; a third time out (504) after the post is shown. */
  failureRate?: number;
  random?: () => number;
  retryAfterMs?: number;
  /** Conversations where the bot was blocked or removed: 403, permanent. */
  blocked?: string[];
}

/**
 * A channel API (Teams Bot Connector or Slack Web API, reduced to posting) that fails as real ones
 * do, including failing after it already posted, and that deduplicates on the delivery key the way a
 * channel-side idempotency check would.
 */
export function createFakeChannelApi(options: FakeChannelOptions): FakeChannelApi {
  const { clock, failureRate = 0, random = Math.random, retryAfterMs = 2_000, blocked = [] } = options;
  const calls: ChannelCall[] = [];
  const shown: FakeChannelApi['shown'] = [];
  const byKey = new Map<string, string>();
  const record = (conversation: string, key: string, outcome: CallOutcome) => calls.push({ conversation, key, at: clock.now().getTime(), outcome });
  return {
    calls,
    shown,
    async post(conversation, key) {
      if (blocked.includes(conversation)) {
        record(conversation, key, 'forbidden');
        throw new ChannelApiError('The user blocked the bot', { status: 403, permanent: true });
      }
      const roll = failureRate > 0 ? random() / failureRate : Infinity;
      if (roll < 1 / 3) {
        record(conversation, key, 'throttled');
        throw new ChannelApiError('Too many requests', { status: 429, retryAfterMs, permanent: false });
      }
      if (roll < 1 / 2) {
        record(conversation, key, 'bad-gateway');
        throw new ChannelApiError('Bad gateway', { status: 502, permanent: false });
      }
      if (roll < 2 / 3) {
        record(conversation, key, 'network');
        throw new ChannelApiError('socket hang up', { permanent: false });
      }
      const first = !byKey.has(key);
      if (first) {
        byKey.set(key, `msg-${byKey.size + 1}`);
        shown.push({ conversation, key, at: clock.now().getTime() });
      }
      if (roll < 1) {
        record(conversation, key, 'timeout-after-posting');
        throw new ChannelApiError('Gateway timeout', { status: 504, permanent: false });
      }
      record(conversation, key, first ? 'posted' : 'deduplicated');
      return { messageId: byKey.get(key) as string };
    },
  };
}
