import { actions, button, card, divider, facts, heading, list, text, type CardElement, type MessageCard } from '../../cards/message-card.js';
import { showUkTime } from '../../cards/uk-date.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { School } from '../../services/domain/school.js';
import { requestKind, type SupportRequest } from '../../services/domain/support-request.js';
import { describeDue } from '../../services/service-levels/due-label.js';
import { ACTIONS } from '../flows/action-ids.js';
import { requestFacts, schoolContext } from './request-summary.js';

export interface RequestCardContext {
  school?: School;
  requesterName?: string;
  /** The latest declined proposal, so the manager sees why the request came back. */
  lastDeclined?: { deployment: Deployment; supporterName: string };
  supporterName?: string;
  /** Who withdrew or closed the request, when and why. */
  ended?: { byName: string; at: string; reason: string };
  /** Today in England (YYYY-MM-DD), to say when the decision is due while one is open. */
  today?: string;
}

export function requestCardKey(request: SupportRequest): string {
  return `request:${request.id}`;
}

/**
 * The brokerage card in the manager channel. While a decision is open it shows the top candidates
 * and the decision buttons; once decided it shows who decided, when and what, and no buttons.
 */
export function buildRequestManagerCard(request: SupportRequest, context: RequestCardContext): MessageCard {
  const elements: CardElement[] = [
    heading(`${requestKind(request) === 'diagnostic' ? 'Diagnostic visit' : 'Support request'} ${request.reference}`),
    facts([
      ...requestFacts(request, context.school),
      ...(context.requesterName ? [{ label: 'Requested by', value: context.requesterName }] : []),
      ...(request.dueOn && context.today ? [{ label: 'Decision', value: describeDue(request.dueOn, context.today) }] : []),
    ]),
  ];
  const contextLine = schoolContext(context.school);
  if (contextLine) elements.push(text(contextLine, { muted: true }));
  elements.push(text(`Need: ${request.need}`), text(`Outcomes wanted: ${request.outcomes}`));
  if (request.ofstedContext) elements.push(text(`Ofsted context: ${request.ofstedContext}`, { muted: true }));
  if (context.lastDeclined) {
    const reason = context.lastDeclined.deployment.declineReason ?? 'no reason given';
    elements.push(text(`${context.lastDeclined.supporterName} declined the proposal: ${reason}`));
  }
  elements.push(divider());

  const open = request.status === 'matching' || request.status === 'on-hold';
  if (!open) {
    elements.push(text(outcomeLine(request, context)));
    if (request.status === 'closed') elements.push(actions([button(ACTIONS.reopenRequest, 'Reopen', { requestId: request.id })]));
    return card(`${request.reference}: ${outcomeLine(request, context)}`, elements, requestCardKey(request));
  }
  if (request.status === 'on-hold' && request.decision) {
    elements.push(text(`Put on hold by ${request.decision.byName} at ${showUkTime(request.decision.at)}.`));
  }
  if (request.candidates.length === 0) {
    elements.push(text('No supporter in the directory fits this request right now (specialism, capacity or conflict of interest). Decline it with a reason or put it on hold.'));
  } else {
    elements.push(heading('Best candidates'), list(request.candidates.map((c, i) => ({ title: `${i + 1}. ${c.name}`, subtitle: c.reason }))));
  }
  // Two rows: Teams shows at most five buttons in one action set.
  if (request.candidates.length) {
    elements.push(actions(request.candidates.map((c, i) =>
      button(ACTIONS.approve, `Approve ${c.name}`, { requestId: request.id, candidateId: c.personId }, { style: i === 0 ? 'primary' : 'default' }))));
  }
  elements.push(actions([
    button(ACTIONS.otherCandidates, 'Other candidates', { requestId: request.id }),
    button(ACTIONS.decline, 'Decline', { requestId: request.id }, { style: 'danger' }),
    ...(request.status === 'on-hold' ? [] : [button(ACTIONS.hold, 'On hold', { requestId: request.id })]),
  ]));
  return card(`New support request ${request.reference}: ${request.candidates.length} candidates`, elements, requestCardKey(request));
}

function outcomeLine(request: SupportRequest, context: RequestCardContext): string {
  const d = request.decision;
  const who = d ? ` by ${d.byName} at ${showUkTime(d.at)}` : '';
  switch (request.status) {
    case 'declined':
      return `Declined${who}. Reason: ${d?.reason ?? 'not given'}`;
    case 'proposed':
      return `Approved${who}: ${context.supporterName ?? 'the supporter'} is asked to accept.`;
    case 'accepted':
      return `${context.supporterName ?? 'The supporter'} accepted (approved${who}). Next: the deployment plan.`;
    case 'withdrawn':
    case 'closed': {
      const ended = context.ended;
      return ended ? `${request.status === 'closed' ? 'Closed' : 'Withdrawn'} by ${ended.byName} at ${showUkTime(ended.at)}. Reason: ${ended.reason}` : `Status: ${request.status}.`;
    }
    default:
      return `Status: ${request.status}${who}.`;
  }
}


/** What everyone in the brokerage channel sees of a request card: all but the managers' buttons. */
export function everyoneView(card: MessageCard): CardElement[] {
  return [
    ...card.elements.filter((element) => element.type !== 'actions'),
    text('The alliance managers decide here; they see the buttons.', { muted: true }),
  ];
}
