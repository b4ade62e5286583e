import type { InputBlock, ModalView } from '@slack/types';
import type { AdaptiveCardJson } from '../../cards/render/adaptive.js';
import type { SlackStateValue, SlackStateValues } from '../../cards/render/block-kit.js';
import { objectsIn } from './fixtures.js';

// Stand-ins for the two clients: given a rendered card or modal and a person's answers, build the
// payload that client would send. They read ids from the rendered output, so a renderer/parser
// mismatch in ids fails the tests instead of being papered over by hand-written payloads.

export type Answers = Readonly<Record<string, string | string[] | boolean | number>>;

/** Teams sends every input as a string: multi-select joined by commas, toggles as "true"/"false". */
function teamsInputs(card: AdaptiveCardJson, answers: Answers): Record<string, string> {
  const inputs = objectsIn(card.body).filter((element) => String(element.type).startsWith('Input.'));
  const entries = inputs.map((input): [string, string] => {
    const answer = answers[String(input.id)];
    if (input.type === 'Input.Toggle') return [String(input.id), answer === true ? 'true' : 'false'];
    return [String(input.id), answer === undefined ? '' : Array.isArray(answer) ? answer.join(',') : String(answer)];
  });
  return Object.fromEntries(entries);
}

function submitAction(card: AdaptiveCardJson): Record<string, unknown> {
  const action = card.actions?.[0];
  if (!action || action.type !== 'Action.Execute') throw new Error('the form has no Action.Execute submit button');
  return action;
}

/** `activity.value` of the `adaptiveCard/action` invoke Teams sends for Action.Execute. */
export function teamsInvokeValue(card: AdaptiveCardJson, answers: Answers): unknown {
  const action = submitAction(card);
  const data = { ...(action.data as object), ...teamsInputs(card, answers) };
  return { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' };
}

/** `activity.value` of the message a host without universal actions sends for the Action.Submit fallback. */
export function teamsSubmitValue(card: AdaptiveCardJson, answers: Answers): unknown {
  const fallback = submitAction(card).fallback as { data: object };
  return { ...fallback.data, ...teamsInputs(card, answers) };
}

/** `view.state.values` as Slack sends it on view_submission, empty inputs included. */
export function slackStateFor(view: ModalView, answers: Answers): SlackStateValues {
  const state: Record<string, Record<string, SlackStateValue>> = {};
  const inputs = view.blocks.filter((block): block is InputBlock => block.type === 'input');
  for (const block of inputs) {
    const element = block.element as { type: string; action_id: string };
    state[String(block.block_id)] = { [element.action_id]: slackValue(element.type, answers[element.action_id]) };
  }
  return state;
}

function slackValue(type: string, answer: Answers[string] | undefined): SlackStateValue {
  const list = Array.isArray(answer) ? answer : [];
  switch (type) {
    case 'datepicker': return { type, selected_date: typeof answer === 'string' ? answer : null };
    case 'static_select': return { type, selected_option: typeof answer === 'string' ? { value: answer } : null };
    case 'multi_static_select': return { type, selected_options: list.map((value) => ({ value })) };
    case 'checkboxes': return { type, selected_options: answer === true ? [{ value: 'true' }] : [] };
    default: return { type, value: answer === undefined ? null : String(answer) };
  }
}
