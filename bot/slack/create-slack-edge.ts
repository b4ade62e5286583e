import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorize } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Clock } from '../../services/clock.js';
import type { Config } from '../../services/config/config.js';
import type { Logger } from '../../services/logger.js';
import { toBoltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/index.js';
import { guardSlackRequests } from './request-guard.js';
import { SlackSender } from './SlackSender.js';
import type { TurnRunner } from '../conversation/turn.js';
import { SlackTurns } from './SlackTurns.js';

export const SLACK_EVENTS_PATH = '/slack/events';
const SLACK_CALL_TIMEOUT_MS = 10_000;

export interface SlackEdge {
  /** For POST /slack/events: checks the signature (and its age) on the raw body, then runs Bolt. */
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  /** For the outbox (ChannelDeliverer). */
  sender: SlackSender;
  /** Connects Socket Mode when an app token is configured; HTTP needs no start. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Bolt on the shared restify server, and over Socket Mode as well when SLACK_APP_TOKEN is set
 * (no public URL needed). Building it makes no call to Slack: the bot's ids come from config, so
 * Bolt never runs auth.test.
 */
export async function createSlackEdge(slack: NonNullable<Config['slack']>, runTurn: TurnRunner, clock: Clock, logger: Logger): Promise<SlackEdge> {
  // Bolt and the Web API load only when Slack is configured: a Teams-only instance never pays for them.
  const [{ App, HTTPReceiver, SocketModeReceiver, isValidSlackRequest }, { WebClient }] = await Promise.all([import('@slack/bolt'), import('@slack/web-api')]);
  const boltLogger = toBoltLogger(logger);
  const slackApiUrl = slack.apiUrl ? slack.apiUrl.replace(/\/?$/, '/') : undefined;
  // A Slack that never answers must not hold a turn or an outbox pass: every call gives up after 10 s.
  const clientOptions: WebClientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: { retries: 1 }, timeout: SLACK_CALL_TIMEOUT_MS };
  const authorize: Authorize<boolean> = async () => ({ botToken: slack.botToken, botId: slack.botId, botUserId: slack.botUserId });
  const turns = new SlackTurns(runTurn, clock, logger);

  const receiver = new HTTPReceiver({ signingSecret: slack.signingSecret, endpoints: SLACK_EVENTS_PATH, logger: boltLogger });
  const http = new App({ receiver, authorize, clientOptions, logger: boltLogger });
  registerListeners(http, turns);

  const socket = slack.appToken
    ? new App({
      receiver: new SocketModeReceiver({ appToken: slack.appToken, logger: boltLogger, installerOptions: { clientOptions } }),
      authorize, clientOptions, logger: boltLogger,
    })
    : undefined;
  if (socket) registerListeners(socket, turns);

  // The outbox retries with its own backoff and honours Retry-After, so this client never waits or retries.
  const outboxClient = new WebClient(slack.botToken, { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logger: boltLogger });
  return {
    requestListener: guardSlackRequests(receiver.requestListener, slack.signingSecret, logger, isValidSlackRequest),
    sender: new SlackSender(outboxClient),
    // Not awaited: Slack being unreachable must not hold up Teams; the socket client keeps reconnecting.
    start: async () => {
      socket?.start().catch((error: unknown) => logger.error({ err: error }, 'Slack Socket Mode could not connect'));
    },
    stop: async () => void (await socket?.stop()),
  };
}
