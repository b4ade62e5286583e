import { createHash } from 'node:crypto';
import type { Person } from '../domain/person.js';
import { NotFoundError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import type { ChannelKind } from './channel-identity.js';

/**
 * Which alliance a person in several alliances said a conversation is about. Stored in the chosen
 * alliance's partition under that person, so it survives a restart and every instance agrees.
 */
export interface AllianceChoice {
  id: string;
  allianceId: string;
  type: 'allianceChoice';
  personId: string;
  channel: ChannelKind;
  chosenAt: string;
}

function choiceId(person: Person, channel: ChannelKind, conversationId: string): string {
  const conversation = createHash('sha256').update(`${channel}|${conversationId}`).digest('hex').slice(0, 24);
  return `alliance-choice-${person.id}-${conversation}`;
}

/** The person record this conversation was said to be about, if any (one point read per alliance). */
export async function chosenAlliance(
  ctx: ServiceContext, people: ReadonlyArray<Stored<Person>>, channel: ChannelKind, conversationId: string,
): Promise<Stored<Person> | undefined> {
  for (const person of people) {
    const choice = await ctx.store.get<AllianceChoice>(person.allianceId, choiceId(person, channel, conversationId));
    if (choice?.type === 'allianceChoice') return person;
  }
  return undefined;
}

/** Records the choice under the chosen person, and forgets any earlier choice for this conversation. */
export async function chooseAlliance(
  ctx: ServiceContext, people: ReadonlyArray<Stored<Person>>, chosen: Stored<Person>, channel: ChannelKind, conversationId: string,
): Promise<void> {
  await ctx.store.upsert<AllianceChoice>({
    id: choiceId(chosen, channel, conversationId),
    allianceId: chosen.allianceId,
    type: 'allianceChoice',
    personId: chosen.id,
    channel,
    chosenAt: ctx.clock.now().toISOString(),
  });
  for (const other of people.filter((p) => p.allianceId !== chosen.allianceId)) {
    await ctx.store.delete(other.allianceId, choiceId(other, channel, conversationId)).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  }
}
