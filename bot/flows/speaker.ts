import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Alliance } from '../../services/domain/alliance.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';

/** For someone the directory does not know: who to ask (names only, no contact details), and nothing else. */
export async function buildUnknownUserCard(ctx: FlowContext): Promise<MessageCard> {
  const managers = await ctx.store.queryAllAlliances<Person>({
    type: 'person',
    where: [{ field: 'role', op: 'eq', value: 'manager' }, { field: 'erasedAt', op: 'eq', value: null }],
    orderBy: [{ field: 'name' }],
    limit: 5,
  });
  const alliances = await ctx.store.queryAllAlliances<Alliance>({ type: 'alliance', limit: 5 });
  const names = new Map(alliances.map((a) => [a.id, a.name]));
  const who = managers.length
    ? managers.map((m) => `${m.name} (${names.get(m.allianceId) ?? 'alliance manager'})`).join('; ')
    : 'your alliance manager';
  return card('I do not know you yet', [
    heading('I could not find you in the alliance directory'),
    text(`To use school-to-school support, ask ${who} to add you to the directory with your work email address.`),
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
