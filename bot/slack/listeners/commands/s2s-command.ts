import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { createCommandAnswerer } from '../../create-answerer.js';
import type { SlackTurns } from '../../SlackTurns.js';
import { scopeOf, type SlackOrigin } from '../../to-turn.js';

export const SLASH_COMMAND = '/s2s';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/s2s <text>`: the text goes to the flows as if typed to the bot; bare `/s2s` asks for help. */
export function s2sCommand(turns: SlackTurns) {
  return async ({ ack, command, client, respond }: Args): Promise<void> => {
    // Slack waits 3 seconds for the ack; the turn runs after it.
    await ack();
    const origin: SlackOrigin = {
      userId: command.user_id,
      teamId: command.team_id,
      scope: scopeOf(command.channel_id, command.channel_name),
      conversationId: command.channel_id,
    };
    const answerer = createCommandAnswerer(client, respond, command.trigger_id);
    await turns.answer(client, origin, { kind: 'message', text: command.text.trim() || 'help' }, answerer);
  };
}
