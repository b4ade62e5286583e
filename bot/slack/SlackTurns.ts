import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../services/clock.js';
import type { Logger } from '../../services/logger.js';
import type { TurnResult } from '../conversation/reply.js';
import type { Turn } from '../conversation/turn.js';
import { deliverResult, type SlackAnswerer } from './deliver-result.js';
import { replyToSlackMessage } from './render-reply.js';
import { slackTurn, type SlackOrigin, type TurnBody } from './to-turn.js';

export type TurnRunner = (turn: Turn) => Promise<TurnResult>;

const SORRY = 'Sorry, something went wrong on our side and nothing was saved. Please try again in a minute.';

/** What every listener needs: run a turn through the neutral flows, then answer on Slack. No business rules here. */
export class SlackTurns {
  // The alliance a multi-alliance person chose, per conversation and user (asked once per conversation).
  private readonly chosenAlliances = new Map<string, string>();

  constructor(private readonly runTurn: TurnRunner, readonly clock: Clock, readonly logger: Logger) {}

  /** Runs the turn and returns its result, remembering an alliance choice. */
  async run(client: WebClient, origin: SlackOrigin, body: TurnBody): Promise<TurnResult> {
    const key = `${origin.conversationId}|${origin.userId}`;
    const result = await this.runTurn(slackTurn(client, origin, body, this.chosenAlliances.get(key)));
    if (result.chosenAllianceId) this.chosenAlliances.set(key, result.chosenAllianceId);
    return result;
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
