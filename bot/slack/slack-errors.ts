import { ChannelApiError } from '../../services/errors.js';

/** Slack answers that no retry will fix: the bot was removed, the user or channel is gone, or the token is bad. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled',
  'cannot_dm_bot', 'invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'missing_scope', 'no_permission',
  'restricted_action', 'message_not_found', 'cant_update_message', 'team_access_not_granted', 'ekm_access_denied',
]);

interface WebApiFailure {
  code?: string;
  message?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
}

/** Sorts a @slack/web-api failure into retry (rate limits, 5xx, network) or give up, for the outbox. */
export function toChannelError(error: unknown): ChannelApiError {
  const failure = error as WebApiFailure;
  const slackError = failure.data?.error;
  if (failure.code === 'slack_webapi_rate_limited_error') {
    return new ChannelApiError('Slack asked us to slow down', {
      status: 429, permanent: false, retryAfterMs: (failure.retryAfter ?? 1) * 1000, cause: error,
    });
  }
  if (slackError) {
    const permanent = PERMANENT.has(slackError);
    return new ChannelApiError(`Slack refused the message: ${slackError}`, { ...(permanent ? { status: 404 } : {}), permanent, cause: error });
  }
  return new ChannelApiError(`Slack could not be reached: ${failure.message ?? String(error)}`, {
    ...(failure.statusCode ? { status: failure.statusCode } : {}), permanent: false, cause: error,
  });
}
