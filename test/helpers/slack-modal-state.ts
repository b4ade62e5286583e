import type { SlackCall } from './fake-slack-api.js';

/**
 * The `view.state.values` Slack would send for an opened modal, answered as a person would: each
 * input block gets its answer from `answers` by field id (the block id), shaped by its element type.
 * Lists are comma-separated. Fields not answered are left as Slack leaves an untouched input.
 */
export function answerModal(opened: SlackCall, answers: Record<string, string>): Record<string, Record<string, unknown>> {
  const view = opened.body.view as { blocks: Array<{ type: string; block_id?: string; element?: { type: string; action_id: string } }> };
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const { type, action_id: actionId } = block.element;
    const answer = answers[block.block_id];
    state[block.block_id] = { [actionId]: { type, ...shaped(type, answer) } };
  }
  const unknown = Object.keys(answers).filter((id) => !(id in state));
  if (unknown.length) throw new Error(`the modal has no input for ${unknown.join(', ')}`);
  return state;
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
