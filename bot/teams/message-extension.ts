import { CardFactory, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import type { MessageCard } from '../../cards/message-card.js';
import { renderCardToAdaptiveCard } from '../../cards/render/adaptive.js';
import type { TurnResult } from '../conversation/reply.js';

/** The manifest's search command (composeExtensions[0].commands[0].id) and its one parameter. */
export const FIND_EXPERT_COMMAND = 'findExpert';
const QUERY_PARAMETER = 'query';
/** Teams asks for 25 at a time and pages with `skip` as the person scrolls. */
const MAX_RESULTS = 25;

/** A "Find an expert" query (invoke composeExtension/query) as the neutral search turn's body. */
export function searchBody(query: MessagingExtensionQuery): { kind: 'search'; text: string; offset: number; limit: number } {
  const text = query.parameters?.find((p) => p.name === QUERY_PARAMETER)?.value;
  const { skip, count } = query.queryOptions ?? {};
  return {
    kind: 'search',
    text: typeof text === 'string' ? text.slice(0, 200) : '',
    offset: Math.max(0, Math.min(10_000, Number(skip) || 0)),
    limit: Math.max(1, Math.min(MAX_RESULTS, Number(count) || MAX_RESULTS)),
  };
}

/** Cards become results to pick (the card is what gets shared, with a one-line preview); text becomes a note. */
export function messagingExtensionResponse(result: TurnResult): MessagingExtensionResponse {
  const cards = result.replies.flatMap((reply) => (reply.kind === 'card' ? [reply.card] : []));
  if (cards.length === 0) {
    const note = result.replies.map((reply) => (reply.kind === 'text' ? reply.text : '')).join(' ').trim();
    return { composeExtension: { type: 'message', text: note || 'Nothing found.' } };
  }
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: cards.map((card) => ({ ...CardFactory.adaptiveCard(renderCardToAdaptiveCard(card)), preview: preview(card) })),
    },
  };
}

function preview(card: MessageCard) {
  const title = card.elements.find((element) => element.type === 'heading')?.text ?? card.summary;
  const line = card.elements.find((element) => element.type === 'text')?.text ?? '';
  return CardFactory.thumbnailCard(title, line);
}
