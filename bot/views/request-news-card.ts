import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { ACTIONS } from '../flows/action-ids.js';

/** What the requesting head hears when the manager decides. */
export function buildRequestNewsCard(request: SupportRequest, supporterName?: string): MessageCard {
  const d = request.decision;
  const line = (() => {
    switch (d?.outcome) {
      case 'approved':
        return `Matched with ${supporterName ?? 'a supporter'}. They have been asked to confirm; I will let you know.`;
      case 'declined':
        return `The alliance could not take this request on. Reason: ${d.reason ?? 'not given'}. You may send a new request at any time.`;
      case 'on-hold':
        return 'The alliance has put this request on hold for now and will come back to it.';
      default:
        return `Your request is now ${request.status}.`;
    }
  })();
  return card(`${request.reference}: ${line}`, [
    heading(`Your request ${request.reference}`),
    text(line),
    actions([button(ACTIONS.myRequests, 'My requests', {})]),
  ]);
}
