import assert from 'node:assert/strict';
import { OPEN_FORM_ACTION, replyToModal, replyToSlackMessage } from '../../../bot/slack/render-reply.js';
import { decodeFormMetadata } from '../../../bot/slack/form-metadata.js';
import { createDeclineForm } from '../../../cards/forms/decline-request.js';

const form = createDeclineForm({ purpose: 'request', subject: 'S2S-2026-0001' });

describe('Slack render-reply', () => {
  it('draws text as plain text, so quoted input never becomes a mention', () => {
    const message = replyToSlackMessage({ kind: 'text', text: 'Declined <!channel>' });
    assert.equal(message.text, 'Declined &lt;!channel&gt;', 'Slack parses the top-level text too');
    assert.deepEqual(message.blocks[0], { type: 'section', text: { type: 'plain_text', text: 'Declined <!channel>', emoji: true } });
  });

  it('turns a form into a launcher whose button names the form and carries its data', () => {
    const message = replyToSlackMessage({ kind: 'form', form, data: { requestId: 'request-1' } });
    const button = JSON.stringify(message.blocks);
    assert.match(button, new RegExp(OPEN_FORM_ACTION.replace('.', '\\.')));
    assert.match(button, /request-1/);
  });

  it('keeps the ids but drops a prefill too large for a button value', () => {
    const message = replyToSlackMessage({ kind: 'form', form, values: { reason: 'x'.repeat(2500) }, data: { requestId: 'request-1' } });
    const actions = message.blocks.find((b) => b.type === 'actions') as { elements: Array<{ value: string }> };
    const value = JSON.parse(actions.elements[0].value) as { data: string; values: string };
    assert.equal(value.values, '{}');
    assert.deepEqual(JSON.parse(value.data), { requestId: 'request-1' });
  });

  it('puts the form id, data and origin in the modal\'s private_metadata', () => {
    const view = replyToModal({ kind: 'form', form, data: { requestId: 'request-1' } }, { userId: 'U1', teamId: 'T1', scope: 'channel', conversationId: 'C1' });
    assert.deepEqual(decodeFormMetadata(view.private_metadata), {
      formId: form.id, data: { requestId: 'request-1' }, origin: { teamId: 'T1', scope: 'channel', conversationId: 'C1' },
    });
    assert.equal(decodeFormMetadata('{"nonsense":true}'), undefined);
  });
});
