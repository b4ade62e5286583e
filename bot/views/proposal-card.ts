import { actions, button, card, facts, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { School } from '../../services/domain/school.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { ACTIONS } from '../flows/action-ids.js';
import { requestFacts } from './request-summary.js';

/** A supporter is asked to take on a deployment; once answered the buttons go. */
export function renderProposalCard(deployment: Deployment, request: SupportRequest, school?: School): MessageCard {
  const answered = deployment.status !== 'proposed';
  return card(`Proposed deployment ${deployment.requestReference}`, [
    heading(`You are proposed to support ${school?.name ?? `URN ${request.schoolUrn}`}`),
    facts([...requestFacts(request, school), { label: 'Day rate', value: `£${deployment.dayRate}` }]),
    text(`Need: ${request.need}`),
    text(`Outcomes wanted: ${request.outcomes}`),
    answered
      ? text(deployment.status === 'declined' ? `You declined: ${deployment.declineReason ?? ''}` : `You ${deployment.status === 'accepted' ? 'accepted' : 'answered'} this proposal.`)
      : actions([
          button(ACTIONS.acceptProposal, 'Accept', { deploymentId: deployment.id }, { style: 'primary' }),
          button(ACTIONS.declineProposal, 'Decline', { deploymentId: deployment.id }, { style: 'danger' }),
        ]),
  ], `proposal:${deployment.id}`);
}
