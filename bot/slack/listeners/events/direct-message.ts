import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { createMessageAnswerer } from '../../create-answerer.js';
import type { SlackTurns } from '../../SlackTurns.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** A message in the person's DM with the bot (Bolt acks events itself). */
export function directMessage(turns: SlackTurns) {
  return async ({ message, body, client }: Args): Promise<void> => {
    // Edits, joins and bot posts (the bot's own included) are not someone talking to the bot.
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
    const origin = { userId: message.user, teamId: body.team_id, scope: 'personal' as const, conversationId: message.channel };
    await turns.answer(client, origin, { kind: 'message', text: message.text ?? '' }, createMessageAnswerer(client, message.channel));
  };
}
