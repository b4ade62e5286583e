import type { SlackCall } from './fake-slack-api.js';

/**
 * The `view.state.values` Slack would send for an opened modal, answered as a person would: each
 * input block gets its answer from `answers` by field id (the block id), shaped by its element type.
 * Lists are comma-separated. Fields not answered are left as Slack leaves an untouched input: with
 * the value the modal opened with (a prefill), or empty.
 */
export function answerModal(opened: SlackCall, answers: Record<string, string>): Record<string, Record<string, unknown>> {
  const view = opened.body.view as { blocks: Array<{ type: string; block_id?: string; element?: ModalElement }> };
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const { type, action_id: actionId } = block.element;
    const answer = answers[block.block_id] ?? prefilled(block.element);
    state[block.block_id] = { [actionId]: { type, ...shaped(type, answer) } };
  }
  const unknown = Object.keys(answers).filter((id) => !(id in state));
  if (unknown.length) throw new Error(`the modal has no input for ${unknown.join(', ')}`);
  return state;
}

interface ModalElement {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_date?: string;
  initial_option?: { value: string };
  initial_options?: Array<{ value: string }>;
}

/** The answer an input opened with, in the comma-separated form `answers` takes. */
function prefilled(element: ModalElement): string | undefined {
  return element.initial_value ?? element.initial_date ?? element.initial_option?.value ?? element.initial_options?.map((o) => o.value).join(',');
}

function shaped(type: string, answer: string | undefined): Record<string, unknown> {
  const list = answer ? answer.split(',').map((value) => ({ value: value.trim() })) : [];
  switch (type) {
    case 'datepicker': return { selected_date: answer ?? null };
    case 'static_select':
    case 'radio_buttons': return { selected_option: answer ? { value: answer } : null };
    case 'multi_static_select':
    case 'checkboxes': return { selected_options: list };
    default: return { value: answer ?? null };
  }
}
