import type { Person } from '../../services/domain/person.js';
import { saveConversationLink } from '../../services/identity/conversation-references.js';
import type { Stored } from '../../services/store/document-store.js';
import type { Turn } from '../conversation/turn.js';
import type { FlowContext } from './flow-context.js';

/** Keeps where to reach the person proactively: their personal chat with the bot. */
export async function rememberConversation(ctx: FlowContext, person: Stored<Person>, turn: Turn): Promise<void> {
  // A message-extension search comes from whatever chat the person is typing in, often one with
  // other people, which the bot cannot write to.
  if (turn.place.scope !== 'personal' || turn.kind === 'search') return;
  const key = `${person.allianceId}|${person.id}|${turn.user.channel}|${turn.place.conversationId}`;
  if (ctx.savedConversations.has(key) && turn.kind !== 'installed') return;
  await saveConversationLink(ctx, { allianceId: person.allianceId, personId: person.id, channel: turn.user.channel, address: turn.place.address });
  ctx.savedConversations.add(key);
}
