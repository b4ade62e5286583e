import { strict as assert } from 'node:assert';
import { actions, button, card, linkButton, divider, facts, heading, list, text, type CardElement } from '../../../cards/message-card.js';
import { renderCardToAdaptiveCard, VERB_KEY } from '../../../cards/render/adaptive.js';
import { HOSTILE, objectsIn, sampleCard } from '../fixtures.js';

const only = (element: CardElement) => renderCardToAdaptiveCard(card('Summary', [element])).body[0];
const run = (value: string, style: object = {}) => ({ type: 'TextRun', text: value, ...style });

describe('renderCardToAdaptiveCard', () => {
  it('renders a 1.5 card whose fallback text is the summary', () => {
    const rendered = renderCardToAdaptiveCard(sampleCard());
    assert.equal(rendered.version, '1.5');
    assert.equal(rendered.fallbackText, 'New support request S2S-2026-0042');
  });

  it('heading: large bold text', () => {
    assert.deepEqual(only(heading('Request')), { type: 'RichTextBlock', inlines: [run('Request', { size: 'Large', weight: 'Bolder' })] });
  });

  it('text: plain, or subtle when muted', () => {
    assert.deepEqual(only(text('Hello')), { type: 'RichTextBlock', inlines: [run('Hello')] });
    assert.deepEqual(only(text('Aside', { muted: true })), { type: 'RichTextBlock', inlines: [run('Aside', { isSubtle: true })] });
  });

  it('facts: one "Label: value" line each', () => {
    assert.deepEqual(only(facts([{ label: 'Days', value: '6' }])), {
      type: 'Container',
      items: [{ type: 'RichTextBlock', inlines: [run('Days: ', { weight: 'Bolder' }), run('6')] }],
    });
  });

  it('divider: a separator line', () => {
    assert.deepEqual(only(divider()), { type: 'Container', separator: true, spacing: 'Medium', items: [] });
  });

  it('list: each item a container with bold title, subtle subtitle and lines, separated', () => {
    const rendered = only(list([{ title: 'Ann', subtitle: 'SLE', lines: ['maths'] }, { title: 'Bob' }]));
    const items = rendered.items as Record<string, unknown>[];
    assert.equal(items.length, 2);
    assert.deepEqual(items[0].items, [
      { type: 'RichTextBlock', inlines: [run('Ann', { weight: 'Bolder' })] },
      { type: 'RichTextBlock', spacing: 'None', inlines: [run('SLE', { isSubtle: true })] },
      { type: 'RichTextBlock', spacing: 'None', inlines: [run('maths')] },
    ]);
    assert.equal(items[1].separator, true);
  });

  it('actions: Action.Execute with verb = actionId and the data, plus an Action.Submit fallback', () => {
    const rendered = only(actions([
      button('request.approve', 'Approve', { requestId: 'r1' }, { style: 'primary' }),
      button('request.hold', 'Hold', { requestId: 'r1' }),
    ]));
    assert.deepEqual(rendered, {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute', title: 'Approve', verb: 'request.approve', data: { requestId: 'r1' }, style: 'positive',
          fallback: { type: 'Action.Submit', title: 'Approve', data: { requestId: 'r1', [VERB_KEY]: 'request.approve' }, style: 'positive' },
        },
        {
          type: 'Action.Execute', title: 'Hold', verb: 'request.hold', data: { requestId: 'r1' },
          fallback: { type: 'Action.Submit', title: 'Hold', data: { requestId: 'r1', [VERB_KEY]: 'request.hold' } },
        },
      ],
    });
  });

  it('actions: a link button is an Action.OpenUrl with its address, sending nothing to the bot', () => {
    const rendered = renderCardToAdaptiveCard(card('Summary', [actions([linkButton('contact.open-chat', 'Chat with Ben', 'https://teams.microsoft.com/l/chat/0/0?users=ben%40x.example')])]));
    assert.deepEqual(objectsIn(rendered as never).filter((o) => o.type === 'Action.OpenUrl'), [{ type: 'Action.OpenUrl', title: 'Chat with Ben', url: 'https://teams.microsoft.com/l/chat/0/0?users=ben%40x.example', style: 'positive' }]);
    assert.deepEqual(objectsIn(rendered as never).filter((o) => o.type === 'Action.Execute'), []);
    assert.throws(() => linkButton('contact.open-chat', 'Bad', 'javascript:alert(1)'), RangeError);
  });

  it('actions: a confirmed button opens a ShowCard holding the question and the real destructive button', () => {
    const rendered = only(actions([button('request.decline', 'Decline', { requestId: 'r1' }, {
      style: 'danger', confirm: { title: 'Sure?', text: 'The school is told.', confirmLabel: 'Yes, decline', denyLabel: 'No' },
    })]));
    const showCard = (rendered.actions as Record<string, unknown>[])[0];
    assert.equal(showCard.type, 'Action.ShowCard');
    assert.equal(showCard.title, 'Decline');
    const inner = showCard.card as { body: unknown[]; actions: Record<string, unknown>[] };
    assert.deepEqual(inner.body, [
      { type: 'RichTextBlock', inlines: [run('Sure?', { weight: 'Bolder' })] },
      { type: 'RichTextBlock', inlines: [run('The school is told.')] },
    ]);
    assert.deepEqual([inner.actions[0].type, inner.actions[0].verb, inner.actions[0].title, inner.actions[0].style],
      ['Action.Execute', 'request.decline', 'Yes, decline', 'destructive']);
  });

  it('an unknown element falls back to its text', () => {
    assert.deepEqual(only({ type: 'chart', text: 'Days used: 4' } as unknown as CardElement), { type: 'RichTextBlock', inlines: [run('Days used: 4')] });
  });

  it('keeps hostile input out of every markdown-parsed property, verbatim in TextRuns', () => {
    const rendered = renderCardToAdaptiveCard(sampleCard(HOSTILE));
    const objects = objectsIn(rendered);
    const markdownParsed = objects.filter((element) => element.type === 'TextBlock' || element.type === 'FactSet');
    assert.ok(markdownParsed.every((element) => !JSON.stringify(element).includes('evil')));
    const runs = objects.filter((element) => element.type === 'TextRun' && String(element.text).includes(HOSTILE));
    assert.ok(runs.length >= 4, 'heading, text, fact value and list subtitle all carry it');
  });
});
