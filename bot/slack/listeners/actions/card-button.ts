import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { actionOrigin, pressedMessage } from '../../action-origin.js';
import { createActionAnswerer } from '../../create-answerer.js';
import type { SlackTurns } from '../../SlackTurns.js';
import { buttonData } from '../../to-turn.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** A button on one of the bot's cards: its action id and data go to the flows as an action turn. */
export function cardButton(turns: SlackTurns) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const origin = actionOrigin(body);
    const answerer = createActionAnswerer(client, respond, body.trigger_id, origin, pressedMessage(body));
    await turns.answer(client, origin, { kind: 'action', actionId: action.action_id, data: buttonData(action.value) }, answerer);
  };
}
