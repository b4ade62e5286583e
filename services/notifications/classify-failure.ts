import { ChannelApiError } from '../errors.js';

export type FailureVerdict =
  | { retry: false; reason: string }
  | { retry: true; reason: string; retryAfterMs?: number; uncertain: boolean };

/** 4xx answers that may succeed later: throttled (429), a stale precondition (412), a timeout, a token to refresh. */
const RETRYABLE_CLIENT_STATUSES = new Set([401, 408, 412, 429]);

/** Answers that say the channel did not act on the request, so trying again cannot post twice. */
const DID_NOT_ACT = new Set([408, 412, 429, 503]);

/**
 * Decides what a failed send means. Channel edges raise ChannelApiError: `permanent` (blocked,
 * uninstalled, conversation gone, 403) and other 4xx answers stop; 429, 412, 5xx and network errors
 * (no status) are retried, honouring Retry-After. Anything else (a record gone missing, a renderer
 * bug fixed by a redeploy) is retried too, until MAX_ATTEMPTS.
 */
export function classifyFailure(error: unknown): FailureVerdict {
  if (!(error instanceof ChannelApiError)) {
    return { retry: true, reason: error instanceof Error ? error.message : String(error), uncertain: true };
  }
  const { status, retryAfterMs } = error;
  const reason = status === undefined ? error.message : `${error.message} (HTTP ${status})`;
  if (error.permanent) return { retry: false, reason };
  if (status === undefined || status >= 500 || RETRYABLE_CLIENT_STATUSES.has(status)) {
    // A network error or a gateway timeout may come after the channel already posted.
    return { retry: true, reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), uncertain: status === undefined || !DID_NOT_ACT.has(status) };
  }
  return { retry: false, reason };
}
