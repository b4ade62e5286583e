import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../services/clock.js';
import type { Logger } from '../../services/logger.js';
import type { TurnResult } from '../conversation/reply.js';
import type { TurnBody, TurnRunner } from '../conversation/turn.js';
import { deliverResult, type SlackAnswerer } from './deliver-result.js';
import { replyToSlackMessage } from './render-reply.js';
import { slackTurn, type SlackOrigin } from './to-turn.js';

const SORRY = 'Sorry, something went wrong on our side and nothing was saved. Please try again in a minute.';

/** What every listener needs: run a turn through the neutral flows, then answer on Slack. No business rules here. */
export class SlackTurns {
  constructor(private readonly runTurn: TurnRunner, readonly clock: Clock, readonly logger: Logger) {}

  /** Runs the turn through the flows and returns its result. */
  run(client: WebClient, origin: SlackOrigin, body: TurnBody): Promise<TurnResult> {
    return this.runTurn(slackTurn(client, origin, body));
  }

  /** Runs the turn and answers; called after the ack, so a failure is logged and told to the person. */
  async answer(client: WebClient, origin: SlackOrigin, body: TurnBody, answerer: SlackAnswerer): Promise<void> {
    try {
      await deliverResult(await this.run(client, origin, body), answerer, origin);
    } catch (error) {
      this.logger.error({ err: error, kind: body.kind, userId: origin.userId }, 'Slack turn failed');
      await answerer.post(replyToSlackMessage({ kind: 'text', text: SORRY })).catch((sendError: unknown) => {
        this.logger.warn({ err: sendError }, 'could not tell the person the Slack turn failed');
      });
    }
  }
}
