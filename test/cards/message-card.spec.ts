import { strict as assert } from 'node:assert';
import { actions, button, card, divider, fallbackTextOf, heading, text } from '../../cards/message-card.js';

describe('message card model', () => {
  it('builds plain tagged objects', () => {
    assert.deepEqual(card('Summary', [heading('Title'), text('Body', { muted: true }), divider()], 'request:1'), {
      key: 'request:1',
      summary: 'Summary',
      elements: [{ type: 'heading', text: 'Title' }, { type: 'text', text: 'Body', muted: true }, { type: 'divider' }],
    });
  });

  it('leaves the key out of a card that is never updated in place', () => {
    assert.equal('key' in card('Summary', []), false);
  });

  it('gives buttons the default style and no confirm unless asked', () => {
    assert.deepEqual(actions([button('request.hold', 'Hold', { requestId: 'r1' })]), {
      type: 'actions',
      buttons: [{ actionId: 'request.hold', label: 'Hold', data: { requestId: 'r1' }, style: 'default' }],
    });
  });

  it('finds some text on an element it does not know', () => {
    assert.equal(fallbackTextOf({ type: 'chart', title: 'Days used' }), 'Days used');
    assert.equal(fallbackTextOf({ type: 'spacer' }), '');
    assert.equal(fallbackTextOf(null), '');
  });
});
