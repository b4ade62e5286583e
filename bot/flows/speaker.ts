import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Alliance } from '../../services/domain/alliance.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';

/**
 * For someone the directory does not know: how to be added, and nothing else. Naming managers or
 * alliances here would tell any stranger who runs which alliance.
 */
export function buildUnknownUserCard(): MessageCard {
  return card('I do not know you yet', [
    heading('I could not find you in the alliance directory'),
    text('To use school-to-school support, ask your alliance manager to add you to the directory with your work email address, then say hello to me again.'),
  ]);
}

/** A person in more than one alliance says which one this conversation is about. */
export async function buildAllianceChoiceCard(ctx: FlowContext, people: Array<Stored<Person>>): Promise<MessageCard> {
  const buttons = [];
  for (const person of people) {
    const alliance = await ctx.store.get<Alliance>(person.allianceId, person.allianceId);
    buttons.push(button(ACTIONS.chooseAlliance, alliance?.name ?? person.allianceId, { allianceId: person.allianceId }));
  }
  return card('Which alliance is this about?', [
    heading('You are in more than one alliance'),
    text('Which one is this conversation about? I will remember your choice for this conversation.'),
    actions(buttons),
  ]);
}
