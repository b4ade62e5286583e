import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { ACTIONS } from '../flows/action-ids.js';

/** Why the proposal was withdrawn, as its history recorded it. */
function withdrawnBecause(deployment: Deployment): string | undefined {
  return deployment.history.filter((entry) => entry.to === 'cancelled').at(-1)?.note;
}

/** The supporter hears, politely, that a proposal they had not answered was withdrawn. */
export function buildProposalWithdrawnCard(deployment: Deployment, schoolName?: string): MessageCard {
  const title = `Proposal withdrawn: ${deployment.requestReference}`;
  const because = withdrawnBecause(deployment);
  return card(title, [
    heading(title),
    text(`Thank you for considering ${deployment.requestReference}${schoolName ? ` at ${schoolName}` : ''}. The alliance has withdrawn this proposal, so there is nothing more for you to do; the manager will be in touch when another school could use your help.`),
    ...(because ? [text(`Reason recorded: ${because}.`, { muted: true })] : []),
  ]);
}

/** The manager channel hears that an unanswered proposal was passed on by the service levels. */
export function buildProposalPassedCard(withdrawn: Deployment, request: SupportRequest, names: { from?: string; to?: string }): MessageCard {
  const title = `Passed on: ${request.reference}`;
  const from = names.from ?? 'The supporter';
  const because = withdrawnBecause(withdrawn);
  const passedTo = request.status === 'proposed' && request.matchedSupporterId !== withdrawn.supporterId && names.to;
  const outcome = passedTo
    ? `It has been proposed to ${passedTo}, the next best candidate, who has been asked to accept or decline.`
    : 'There is no other candidate with free days, so the request is back on its card for you to choose again.';
  return card(title, [
    heading(title),
    text(`${from} did not answer the proposal${because ? ` (${because})` : ''}, so it was withdrawn and they were told politely. ${outcome}`),
    actions([button(ACTIONS.showRequest, 'Open the request', { requestId: request.id })]),
  ]);
}
