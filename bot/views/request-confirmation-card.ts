import { actions, button, card, facts, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { School } from '../../services/domain/school.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { ACTIONS } from '../flows/action-ids.js';
import { requestFacts } from './request-summary.js';

/** What the head sees after sending a request: the reference to quote and what happens next. */
export function buildRequestConfirmationCard(request: SupportRequest, school: School | undefined, alreadyReceived: boolean): MessageCard {
  return card(`Request ${request.reference} received`, [
    heading(alreadyReceived ? `We already have this request: ${request.reference}` : `Request received: ${request.reference}`),
    text('The alliance manager will look at it and choose a supporter. I will message you when there is a match.'),
    facts(requestFacts(request, school)),
    actions([button(ACTIONS.myRequests, 'My requests', {})]),
  ], `confirmation:${request.id}`);
}
