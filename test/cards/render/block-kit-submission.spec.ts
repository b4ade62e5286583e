import { strict as assert } from 'node:assert';
import { parseFormSubmission } from '../../../cards/form-definition.js';
import { parseSlackViewSubmission, renderFormToSlackModal, toSlackErrors } from '../../../cards/render/block-kit.js';
import { ALL, allFieldsForm } from '../fixtures.js';
import { slackStateFor } from '../hosts.js';

const modal = renderFormToSlackModal(allFieldsForm, { callbackId: 'all-fields' });

describe('parseSlackViewSubmission', () => {
  it('reads each element type from view.state.values', () => {
    const state = slackStateFor(modal, {
      [ALL.name]: 'Jo', [ALL.count]: '3', [ALL.when]: '2026-12-01', [ALL.colour]: 'red', [ALL.tags]: ['a', 'c'], [ALL.agree]: true,
    });
    assert.deepEqual(parseSlackViewSubmission(allFieldsForm, state), {
      [ALL.name]: 'Jo', [ALL.story]: undefined, [ALL.count]: '3', [ALL.when]: '2026-12-01', [ALL.colour]: 'red', [ALL.tags]: ['a', 'c'], [ALL.agree]: true,
    });
  });

  it('reads empty inputs as unanswered and an unticked checkbox as false', () => {
    assert.deepEqual(parseSlackViewSubmission(allFieldsForm, slackStateFor(modal, {})), {
      [ALL.name]: undefined, [ALL.story]: undefined, [ALL.count]: undefined, [ALL.when]: undefined, [ALL.colour]: undefined, [ALL.tags]: [], [ALL.agree]: false,
    });
  });

  it('copes with blocks missing from the state', () => {
    assert.equal(parseSlackViewSubmission(allFieldsForm, {})[ALL.name], undefined);
  });
});

describe('toSlackErrors', () => {
  it('keys each problem by the block id of its input block', () => {
    const result = parseFormSubmission(allFieldsForm, parseSlackViewSubmission(allFieldsForm, slackStateFor(modal, { [ALL.count]: '11' })));
    assert.equal(result.ok, false);
    if (result.ok) return;
    const reply = toSlackErrors(result.problems);
    assert.equal(reply.response_action, 'errors');
    assert.equal(reply.errors[ALL.count], 'Please enter a whole number from 1 to 10.');
    const inputBlockIds = new Set(modal.blocks.filter((block) => block.type === 'input').map((block) => block.block_id));
    assert.ok(Object.keys(reply.errors).every((id) => inputBlockIds.has(id)), 'Slack refuses errors for unknown blocks');
    assert.deepEqual(Object.keys(reply.errors), [ALL.name, ALL.count, ALL.when, ALL.colour, ALL.tags, ALL.agree]);
  });
});
