import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { renderCardToAdaptiveCard, renderFormToAdaptiveCard, type AdaptiveCardJson } from '../../cards/render/adaptive.js';
import type { Reply } from '../conversation/reply.js';

export function replyToAdaptiveCard(reply: Reply): AdaptiveCardJson | undefined {
  switch (reply.kind) {
    case 'card':
      return renderCardToAdaptiveCard(reply.card);
    case 'form':
      return renderFormToAdaptiveCard(reply.form, { values: reply.values, errors: reply.errors, actionData: reply.data });
    case 'text':
      return undefined;
  }
}

/** A neutral reply as a Teams message: cards as Adaptive Card attachments, text as plain text. */
export function replyToActivity(reply: Reply): Partial<Activity> {
  const adaptive = replyToAdaptiveCard(reply);
  if (!adaptive) return { ...MessageFactory.text(reply.kind === 'text' ? reply.text : ''), textFormat: 'plain' };
  const summary = reply.kind === 'card' ? reply.card.summary : reply.kind === 'form' ? reply.form.title : '';
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(adaptive)), summary };
}
