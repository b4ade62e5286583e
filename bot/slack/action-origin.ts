import type { BlockAction } from '@slack/bolt';
import type { PressedMessage } from './create-answerer.js';
import { scopeOf, type SlackOrigin } from './to-turn.js';

/** Who pressed and where: a message in a DM or channel, or the App Home (which has no channel). */
export function actionOrigin(body: BlockAction): SlackOrigin {
  const team = body.team?.id ? { teamId: body.team.id } : {};
  const channel = body.channel?.id;
  if (!channel) return { userId: body.user.id, ...team, scope: 'personal', conversationId: body.user.id };
  return { userId: body.user.id, ...team, scope: scopeOf(channel, body.channel?.name), conversationId: channel };
}

/** The message the button was on, to update in place; undefined for a button in a view. */
export function pressedMessage(body: BlockAction): PressedMessage | undefined {
  const container = body.container as { type?: string; message_ts?: string; channel_id?: string; is_ephemeral?: boolean };
  if (container.type !== 'message' || !container.message_ts || !container.channel_id) return undefined;
  return { channel: container.channel_id, ts: container.message_ts, ephemeral: container.is_ephemeral === true };
}
