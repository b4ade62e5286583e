import { strict as assert } from 'node:assert';
import { actions, button, card, linkButton, divider, facts, heading, list, text, type CardElement } from '../../../cards/message-card.js';
import { renderCardToBlockKit } from '../../../cards/render/block-kit.js';
import { HOSTILE, objectsIn, sampleCard } from '../fixtures.js';

const blocksOf = (...elements: CardElement[]) => renderCardToBlockKit(card('Summary', elements)).blocks;
const plain = (value: string) => ({ type: 'plain_text', text: value, emoji: true });

describe('renderCardToBlockKit', () => {
  it('returns the summary as the notification text beside the blocks', () => {
    assert.equal(renderCardToBlockKit(sampleCard()).text, 'New support request S2S-2026-0042');
  });

  it('escapes user words in the notification text, so they never become mentions or links', () => {
    const hostile = card('Declined: <!channel> <@U123> <https://evil.example|click> & co', [text('x')]);
    assert.equal(renderCardToBlockKit(hostile).text, 'Declined: &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; co');
  });

  it('heading: a header block, cut to 150 characters', () => {
    assert.deepEqual(blocksOf(heading('Request')), [{ type: 'header', text: plain('Request') }]);
    const [long] = blocksOf(heading('x'.repeat(200))) as { text: { text: string } }[];
    assert.equal(long.text.text.length, 150);
  });

  it('text: a plain_text section, or a context line when muted', () => {
    assert.deepEqual(blocksOf(text('Hello'), text('Aside', { muted: true })), [
      { type: 'section', text: plain('Hello') },
      { type: 'context', elements: [plain('Aside')] },
    ]);
  });

  it('facts: section fields with bold labels, at most 10 per section', () => {
    const entries = Array.from({ length: 12 }, (_, index) => ({ label: `L${index}`, value: `V${index}` }));
    const blocks = blocksOf(facts(entries)) as { type: string; fields: { text: string }[] }[];
    assert.deepEqual(blocks.map((block) => [block.type, block.fields.length]), [['section', 10], ['section', 2]]);
    assert.deepEqual(blocks[0].fields[0], { type: 'mrkdwn', text: '*L0*\nV0', verbatim: true });
  });

  it('divider: a divider block', () => {
    assert.deepEqual(blocksOf(divider()), [{ type: 'divider' }]);
  });

  it('list: one section per item with a bold title, then subtitle and lines', () => {
    assert.deepEqual(blocksOf(list([{ title: 'Ann', subtitle: 'SLE', lines: ['maths', '6 days free'] }, { title: 'Bob' }])), [
      { type: 'section', text: { type: 'mrkdwn', text: '*Ann*\nSLE\nmaths\n6 days free', verbatim: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Bob*', verbatim: true } },
    ]);
  });

  it('actions: buttons with action_id = actionId, value = JSON of data, and Slack styles', () => {
    const [block] = blocksOf(actions([
      button('request.approve', 'Approve', { requestId: 'r1', rank: 1 }, { style: 'primary' }),
      button('request.hold', 'Hold', { requestId: 'r1' }),
    ]));
    assert.deepEqual(block, {
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'request.approve', text: plain('Approve'), value: '{"requestId":"r1","rank":1}', style: 'primary' },
        { type: 'button', action_id: 'request.hold', text: plain('Hold'), value: '{"requestId":"r1"}' },
      ],
    });
  });

  it('actions: a confirm becomes Slack\'s confirmation dialog, red for a danger button', () => {
    const [block] = blocksOf(actions([button('request.decline', 'Decline', { requestId: 'r1' }, {
      style: 'danger', confirm: { title: 'Sure?', text: 'The school is told.', confirmLabel: 'Decline', denyLabel: 'Keep' },
    })])) as unknown as { elements: Record<string, unknown>[] }[];
    assert.deepEqual(block.elements[0].confirm, {
      title: plain('Sure?'), text: plain('The school is told.'), confirm: plain('Decline'), deny: plain('Keep'), style: 'danger',
    });
  });

  it('actions: a link button carries its url (Slack opens it and still reports the press)', () => {
    const [block] = blocksOf(actions([linkButton('contact.open-chat', 'Chat with Ben', 'https://slack.com/app_redirect?channel=U0BEN')])) as unknown as Array<{ elements: Array<Record<string, unknown>> }>;
    assert.equal(block.elements[0].url, 'https://slack.com/app_redirect?channel=U0BEN');
    assert.equal(block.elements[0].action_id, 'contact.open-chat');
  });

  it('actions: refuses data over 2000 characters', () => {
    assert.throws(() => blocksOf(actions([button('a', 'A', { blob: 'x'.repeat(2000) })])), /over 2000/);
  });

  it('actions: a repeated action id starts a new actions block, as Slack needs ids unique per block', () => {
    const blocks = blocksOf(actions([button('a', 'A', { id: 1 }), button('b', 'B', {}), button('a', 'C', { id: 2 })])) as Array<{ type: string; elements: Array<{ action_id: string }> }>;
    assert.deepEqual(blocks.map((b) => b.elements.map((e) => e.action_id)), [['a', 'b'], ['a']]);
  });

  it('keeps to 50 blocks, saying how many parts were left out', () => {
    const blocks = blocksOf(...Array.from({ length: 60 }, () => divider()));
    assert.equal(blocks.length, 50);
    assert.deepEqual(blocks[49], { type: 'context', elements: [plain('11 more parts not shown.')] });
  });

  it('an unknown element falls back to its text', () => {
    assert.deepEqual(blocksOf({ type: 'chart', text: 'Days used: 4' } as unknown as CardElement), [{ type: 'section', text: plain('Days used: 4') }]);
  });

  it('never lets hostile input mention, link or break out of mrkdwn', () => {
    const { blocks } = renderCardToBlockKit(sampleCard(HOSTILE));
    const texts = objectsIn(blocks).filter((object) => object.type === 'mrkdwn' || object.type === 'plain_text');
    const markdown = texts.filter((object) => object.type === 'mrkdwn');
    assert.ok(markdown.length > 0);
    for (const object of markdown) {
      assert.doesNotMatch(String(object.text), /[<>]|&(?!amp;|lt;|gt;)/, String(object.text));
      assert.equal(object.verbatim, true);
    }
    assert.ok(markdown.some((object) => String(object.text).includes('&lt;!channel&gt; *bold* [x](http://evil) &amp; &lt;@U123&gt;')));
    assert.ok(texts.some((object) => object.type === 'plain_text' && object.text === HOSTILE), 'plain text needs no escaping');
  });
});
