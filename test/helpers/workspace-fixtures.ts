import type { Person } from '../../services/domain/person.js';
import { createSignInLink } from '../../services/identity/sign-in-links.js';
import { executeActions } from './card-actions.js';
import { cardOf } from './fake-bot-connector.js';
import { BROKERAGE_CHANNEL, demoTeamsUser, personalChat, type TeamsHarness, type TeamsUser } from './teams-harness.js';

export const MANAGER = demoTeamsUser('manager');
export const HEAD = demoTeamsUser('head');

/** The head asks for maths support through the Teams form, as in chat. */
export async function submitRequestInTeams(harness: TeamsHarness, need = 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.'): Promise<void> {
  harness.connector.clear();
  await harness.say(HEAD, 'we need help with KS2 maths please');
  const [form] = harness.connector.posted(personalChat(HEAD).conversationId);
  const submit = executeActions(cardOf(form!)).find((a) => a.verb === 'support-request.submit')!;
  await harness.press(HEAD, 'support-request.submit', {
    formId: 'support-request', submissionId: String(submit.data.submissionId), specialisms: 'maths', phase: 'primary', need,
    outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.', daysWanted: '4', preferredStart: '2026-12-01',
  }, 'form-card');
}

/** The manager links the brokerage channel and the outbox posts the waiting request cards there. */
export async function linkBrokerageChannel(harness: TeamsHarness): Promise<void> {
  await harness.say(MANAGER, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
  await harness.app.outbox.runOnce();
}

/** The path of a fresh one-time sign-in link for a person, as the bot sends it in chat (to a Teams user, if given). */
export async function signInLinkFor(harness: TeamsHarness, allianceId: string, personId: string, askedFromTeams?: TeamsUser): Promise<string> {
  const person = await harness.app.store.get<Person>(allianceId, personId);
  if (!person) throw new Error(`no person ${personId} in ${allianceId}`);
  const asker = askedFromTeams ? { channel: 'teams' as const, userId: askedFromTeams.aadObjectId } : undefined;
  return `/workspace/link?t=${encodeURIComponent(await createSignInLink({ store: harness.app.store, clock: harness.clock }, person, asker))}`;
}
