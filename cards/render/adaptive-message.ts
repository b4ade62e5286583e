import {
  fallbackTextOf,
  type Button, type ButtonStyle, type CardElement, type FactsElement, type ListElement, type MessageCard,
} from '../message-card.js';
import { adaptiveCard, executeAction, plainText, type AcObject, type ActionStyle, type AdaptiveCardJson } from './adaptive-parts.js';

const STYLES: Record<ButtonStyle, ActionStyle> = { primary: 'positive', danger: 'destructive', default: undefined };

/** Teams shows a card's own view to at most this many people. */
const MAX_PERSONAL_VIEWS = 60;

/** A neutral message card as an Adaptive Card 1.5; the summary doubles as its fallback text. */
export function renderCardToAdaptiveCard(card: MessageCard): AdaptiveCardJson {
  const views = card.personalViews;
  if (!views?.teamsUserIds.length) return adaptiveCard(card.elements.map(convertElement), { fallbackText: card.summary });
  return adaptiveCard(views.everyone.map(convertElement), {
    fallbackText: card.summary,
    // No fallback: a client without Universal Actions simply shows the view for everyone.
    refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: views.actionId, data: views.data }, userIds: views.teamsUserIds.slice(0, MAX_PERSONAL_VIEWS) },
  });
}

function convertElement(element: CardElement): AcObject {
  switch (element.type) {
    case 'heading': return plainText(element.text, { size: 'Large', weight: 'Bolder' });
    case 'text': return plainText(element.text, element.muted ? { isSubtle: true } : {});
    case 'facts': return convertFacts(element);
    // Adaptive Cards have no divider element; an empty container's separator draws the line.
    case 'divider': return { type: 'Container', separator: true, spacing: 'Medium', items: [] };
    case 'list': return convertList(element);
    case 'actions': return { type: 'ActionSet', actions: element.buttons.map(convertButton) };
    default: return plainText(fallbackTextOf(element));
  }
}

/** One "Label: value" line per fact, rather than a FactSet, whose values Teams parses as markdown. */
function convertFacts(element: FactsElement): AcObject {
  return {
    type: 'Container',
    items: element.facts.map((fact) => ({
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: `${fact.label}: `, weight: 'Bolder' },
        { type: 'TextRun', text: fact.value },
      ],
    })),
  };
}

function convertList(element: ListElement): AcObject {
  return {
    type: 'Container',
    items: element.items.map((item, index) => ({
      type: 'Container',
      ...(index > 0 ? { separator: true } : {}),
      items: [
        plainText(item.title, { weight: 'Bolder' }),
        ...(item.subtitle ? [plainText(item.subtitle, { isSubtle: true }, { spacing: 'None' })] : []),
        ...(item.lines ?? []).map((line) => plainText(line, {}, { spacing: 'None' })),
      ],
    })),
  };
}

function convertButton(button: Button): AcObject {
  const style = STYLES[button.style];
  if (button.url) return { type: 'Action.OpenUrl', title: button.label, url: button.url, ...(style ? { style } : {}) };
  if (!button.confirm) return executeAction(button.label, button.actionId, button.data, style);
  // Adaptive Cards have no confirm dialog: a ShowCard that asks the question and holds the real
  // button is the nearest thing. Pressing the outer button again closes it, which serves as "deny".
  return {
    type: 'Action.ShowCard',
    title: button.label,
    card: {
      type: 'AdaptiveCard',
      body: [plainText(button.confirm.title, { weight: 'Bolder' }), plainText(button.confirm.text)],
      actions: [executeAction(button.confirm.confirmLabel, button.actionId, button.data, style)],
    },
  };
}
