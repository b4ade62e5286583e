/** Exponential backoff with full jitter, capped; a server's Retry-After wins when it asks for longer. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const base = 1_000;
  const cap = 5 * 60_000;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** After this many failed attempts a message is recorded as failed rather than retried forever. */
export const MAX_ATTEMPTS = 12;
