import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../../flows/action-ids.js';
import { cardReply } from '../../../conversation/reply.js';
import { buildWorkspaceEntryCard } from '../../../views/workspace-entry-card.js';
import { replyToHomeView } from '../../render-reply.js';
import type { SlackTurns } from '../../SlackTurns.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/** The App Home tab: the person's requests or deployments, drawn by the same flow as "my requests", then the way into the workspace. */
export function appHomeOpened(turns: SlackTurns) {
  return async ({ event, body, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const origin = { userId: event.user, teamId: body.team_id, scope: 'personal' as const, conversationId: event.channel ?? event.user };
    try {
      const result = await turns.run(client, origin, { kind: 'action', actionId: ACTIONS.myRequests, data: {} });
      await client.views.publish({ user_id: event.user, view: replyToHomeView({ ...result, replies: [...result.replies, cardReply(buildWorkspaceEntryCard())] }) });
    } catch (error) {
      turns.logger.error({ err: error, userId: event.user }, 'could not draw the Slack App Home');
    }
  };
}
