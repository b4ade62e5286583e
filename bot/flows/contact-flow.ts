import { actions, card, heading, linkButton, text, type MessageCard } from '../../cards/message-card.js';
import { recordDirectContact } from '../../services/contacts/record-direct-contact.js';
import type { Person } from '../../services/domain/person.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';

/**
 * "Message" on a search result: the contact is recorded (who, whom, when; never what is said) and the
 * person gets a link that opens a chat with the expert in their own channel. Teams opens a chat by
 * the expert's sign-in email; Slack a DM by their Slack user id.
 */
export async function messageExpert(ctx: FlowContext, person: Stored<Person>, expertId: string, via: ChannelKind): Promise<TurnResult> {
  const { expert } = await recordDirectContact(ctx, person, expertId, via);
  return { replies: [cardReply(buildChatLinkCard(expert, via))] };
}

export function chatLinkFor(expert: Pick<Person, 'email' | 'slackUserId'>, via: ChannelKind): string | undefined {
  if (via === 'teams') return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(expert.email)}`;
  return expert.slackUserId ? `https://slack.com/app_redirect?channel=${encodeURIComponent(expert.slackUserId)}` : undefined;
}

function buildChatLinkCard(expert: Person, via: ChannelKind): MessageCard {
  const url = chatLinkFor(expert, via);
  const first = expert.name.split(' ')[0];
  if (!url) {
    return card(`Contact ${expert.name}`, [
      heading(`Contact ${expert.name}`),
      text(`${expert.name} is not on Slack yet. They agreed to be contacted directly: email ${expert.email}.`),
    ]);
  }
  return card(`Message ${expert.name}`, [
    heading(`Message ${expert.name}`),
    text(`${expert.name} agreed to be contacted directly for advice, a meeting or a school visit. If you then want them to work with your school, send a request so the alliance can arrange it.`),
    actions([linkButton(ACTIONS.openChatLink, `Chat with ${first}`, url)]),
  ]);
}
