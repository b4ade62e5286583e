import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { createMessageAnswerer } from '../../create-answerer.js';
import type { SlackTurns } from '../../SlackTurns.js';
import { scopeOf, withoutMentions } from '../../to-turn.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

/** "@s2s use this channel" and other requests made in a channel by mentioning the bot. */
export function appMention(turns: SlackTurns) {
  return async ({ event, body, client }: Args): Promise<void> => {
    if (!event.user || event.bot_id) return;
    const origin = { userId: event.user, teamId: body.team_id, scope: scopeOf(event.channel), conversationId: event.channel };
    await turns.answer(client, origin, { kind: 'message', text: withoutMentions(event.text) }, createMessageAnswerer(client, event.channel));
  };
}
