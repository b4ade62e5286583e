/** Where a message goes and how fast that conversation may be sent to (Teams: 7 a second; Slack: about 1). */
export interface Pace {
  key: string;
  perSecond: number;
}

export interface Pacer {
  /** How long until the next send on `key` may start. */
  waitMs(key: string, nowMs: number): number;
  /** A send on `pace.key` starts at `atMs`: the next may start 1/perSecond later. */
  started(pace: Pace, atMs: number): void;
  /** The channel asked for quiet on `key` until `untilMs` (a 429's Retry-After). */
  holdOff(key: string, untilMs: number): void;
}

/**
 * Spaces the starts of sends to one conversation, within this process. Instances sharing a store
 * pace themselves separately; the channel's 429s with Retry-After (holdOff) cover the overlap.
 */
export function createPacer(): Pacer {
  const nextAt = new Map<string, number>();
  const push = (key: string, at: number) => nextAt.set(key, Math.max(nextAt.get(key) ?? 0, at));
  return {
    waitMs(key, nowMs) {
      const at = nextAt.get(key);
      if (at === undefined) return 0;
      // Forget conversations that are quiet again, so the map stays as small as the busy ones.
      if (at <= nowMs) nextAt.delete(key);
      return Math.max(0, at - nowMs);
    },
    started: (pace, atMs) => push(pace.key, atMs + 1000 / pace.perSecond),
    holdOff: push,
  };
}
