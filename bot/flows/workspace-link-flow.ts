import type { Person } from '../../services/domain/person.js';
import type { ChannelUser } from '../../services/identity/channel-identity.js';
import { createSignInLink, SIGN_IN_LINK_MINUTES } from '../../services/identity/sign-in-links.js';
import type { Stored } from '../../services/store/document-store.js';
import { textReply, type TurnResult } from '../conversation/reply.js';
import type { TurnPlace } from '../conversation/turn.js';
import type { FlowContext } from './flow-context.js';

/** "open the workspace": a one-time sign-in link, sent only in a one-to-one chat so nobody else can use it. */
export async function sendWorkspaceLink(ctx: FlowContext, person: Stored<Person>, place: TurnPlace, user: ChannelUser): Promise<TurnResult> {
  if (!ctx.workspaceUrl) return { replies: [textReply('The workspace is not available on this bot.')] };
  if (place.scope !== 'personal') {
    return { replies: [textReply('I send workspace sign-in links only in our one-to-one chat, so nobody else can use yours. Say "open the workspace" to me there.')] };
  }
  const token = await createSignInLink(ctx, person, { channel: user.channel, userId: user.userId });
  const url = `${ctx.workspaceUrl}/workspace/link?t=${encodeURIComponent(token)}`;
  return {
    replies: [textReply(`Here is your sign-in link to the workspace: ${url}\nIt works once, for ${SIGN_IN_LINK_MINUTES} minutes, and only for you: please do not forward it. In Teams you can also open the Workspace tab of this app.`)],
  };
}
