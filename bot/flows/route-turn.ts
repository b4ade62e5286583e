import { JOIN_ALLIANCE_FORM_ID } from '../../cards/forms/join-alliance.js';
import type { Person } from '../../services/domain/person.js';
import { BotError } from '../../services/errors.js';
import { chooseAlliance, chosenAlliance } from '../../services/identity/alliance-choice.js';
import { identifySpeaker } from '../../services/identity/channel-identity.js';
import { removeConversationLink } from '../../services/identity/conversation-references.js';
import type { Stored } from '../../services/store/document-store.js';
import { takeMissedNotifications } from '../../services/notifications/missed-notifications.js';
import { listMyWork } from '../../services/requests/list-my-work.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { buildMyWorkCard } from '../views/my-work-card.js';
import type { Turn } from '../conversation/turn.js';
import { buildHelpCard } from '../views/help-card.js';
import { ACTIONS } from './action-ids.js';
import { runAction } from './actions.js';
import { searchExperts } from './find-supporter-flow.js';
import type { FlowContext } from './flow-context.js';
import { submitForm, submitOpenedForm, type FormCall } from './form-entry.js';
import { buildJoinOptionsCard, openJoinForm } from './join-flow.js';
import { FORMS, isFormId } from './forms.js';
import { handleMessage } from './message-flow.js';
import { rememberConversation } from './remember-conversation.js';
import { buildAllianceChoiceCard, buildUnknownUserCard } from './speaker.js';

/**
 * Every turn from either channel: who is speaking, in which alliance, then what they asked.
 * A failure the person can act on becomes a plain answer; anything else is the edge's to report.
 */
export async function routeTurn(ctx: FlowContext, turn: Turn): Promise<TurnResult> {
  const people = await identifySpeaker(ctx, turn.user);
  if (turn.kind === 'uninstalled') {
    for (const person of people) await removeConversationLink(ctx, person.allianceId, turn.user.channel, person.id);
    return { replies: [] };
  }
  if (people.length === 0) return routeStranger(ctx, turn);

  const person = await speakingAs(ctx, people, turn);
  if (!person) return { replies: [cardReply(await buildAllianceChoiceCard(ctx, people))] };
  await rememberConversation(ctx, person, turn);

  try {
    const result = await dispatch(ctx, person, turn);
    return turn.kind === 'message' || turn.kind === 'installed' ? withMissed(result, await takeMissedNotifications(ctx, person), ctx, person) : result;
  } catch (error) {
    // Every BotError is written for the person; anything else is the edge's to log and apologise for.
    if (error instanceof BotError) return { replies: [textReply(error.message)] };
    throw error;
  }
}

/** The person record for this turn: the only one, the one just chosen, or the one chosen before in this conversation. */
async function speakingAs(ctx: FlowContext, people: Array<Stored<Person>>, turn: Turn): Promise<Stored<Person> | undefined> {
  if (people.length === 1) return people[0];
  const conversationId = turn.place.conversationId;
  if (turn.kind === 'action' && turn.actionId === ACTIONS.chooseAlliance) {
    const chosen = people.find((p) => p.allianceId === turn.data.allianceId);
    if (chosen) await chooseAlliance(ctx, people, chosen, turn.user.channel, conversationId);
    return chosen;
  }
  return chosenAlliance(ctx, people, turn.user.channel, conversationId);
}

/**
 * Someone the bot could not reach (their chat answered 404, or they had blocked it) writes again:
 * what they missed is shown as what now waits for them, with its buttons (once: a turn that already
 * shows their work gets the line before it).
 */
async function withMissed(result: TurnResult, missed: number, ctx: FlowContext, person: Stored<Person>): Promise<TurnResult> {
  if (missed === 0) return result;
  const notice = textReply(`While you were away I could not reach you with ${missed} message${missed === 1 ? '' : 's'}. Here is where things stand now:`);
  if (result.showsMyWork) return { ...result, replies: [notice, ...result.replies] };
  return { ...result, replies: [...result.replies, notice, cardReply(buildMyWorkCard(await listMyWork(ctx, person)))] };
}

async function dispatch(ctx: FlowContext, person: Stored<Person>, turn: Turn): Promise<TurnResult> {
  switch (turn.kind) {
    case 'installed':
      // Added to a team, everyone in the channel reads the greeting: nothing personal there.
      if (turn.place.scope !== 'personal') {
        return { replies: [textReply('Thanks for adding me. I help your alliance broker school-to-school support. A manager can say "@S2S Support use this channel for brokerage" in the channel where new requests should arrive.')] };
      }
      return { replies: [cardReply(buildHelpCard(person.role, person.name, 'Thanks for adding me. I help your alliance broker school-to-school support.'))] };
    case 'message':
      return handleMessage(ctx, person, turn);
    case 'search':
      return searchExperts(ctx, person, turn.text, turn.offset, turn.limit);
    case 'formSubmit': {
      const call = callOf(turn, turn.data);
      if (isFormId(turn.formId)) return submitForm(FORMS[turn.formId], ctx, person, call, turn.values);
      return { replies: [textReply('That form is out of date. Here is what I can do now.'), cardReply(buildHelpCard(person.role, person.name))] };
    }
    case 'action':
      return runAction(ctx, person, turn.actionId, callOf(turn, turn.data));
    default:
      return { replies: [] };
  }
}

function callOf(turn: Turn, data: Record<string, unknown>): FormCall {
  return { data, channel: turn.user.channel, speaker: { user: turn.user, place: turn.place } };
}

/**
 * Someone the directory does not know: who to ask, and the alliances that chose to take requests
 * to join from here. Asking to join is all they can do; it needs no directory record.
 */
async function routeStranger(ctx: FlowContext, turn: Turn): Promise<TurnResult> {
  try {
    if (turn.kind === 'action' && turn.actionId === ACTIONS.openJoinForm) {
      const opened = await openJoinForm(ctx, callOf(turn, turn.data));
      return { replies: [{ kind: 'form', form: opened.form, values: opened.values, data: opened.data }] };
    }
    if (turn.kind === 'formSubmit' && turn.formId === JOIN_ALLIANCE_FORM_ID) return await submitOpenedForm(await openJoinForm(ctx, callOf(turn, turn.data)), turn.values);
  } catch (error) {
    if (error instanceof BotError) return { replies: [textReply(error.message)] };
    throw error;
  }
  const options = await buildJoinOptionsCard(ctx);
  return { replies: [cardReply(buildUnknownUserCard()), ...(options ? [cardReply(options)] : [])] };
}
