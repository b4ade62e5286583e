import { actions, button, card, facts, heading, text, type CardElement, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { School } from '../../services/domain/school.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { ACTIONS } from '../flows/action-ids.js';
import { requestFacts } from './request-summary.js';

/** A supporter is asked to take on a deployment; once answered the buttons go (accepting leads on to the plan). */
export function buildProposalCard(deployment: Deployment, request: SupportRequest, school?: School): MessageCard {
  return card(`Proposed deployment ${deployment.requestReference}`, [
    heading(headline(deployment, school?.name ?? `URN ${request.schoolUrn}`)),
    facts([...requestFacts(request, school), { label: 'Day rate', value: `£${deployment.dayRate}` }]),
    text(`Need: ${request.need}`),
    text(`Outcomes wanted: ${request.outcomes}`),
    ...answerPart(deployment),
  ], `proposal:${deployment.id}`);
}

/** The headline follows the answer: proposed, then supporting, then declined or withdrawn. */
function headline(deployment: Deployment, where: string): string {
  switch (deployment.status) {
    case 'proposed': return `You are proposed to support ${where}`;
    case 'declined': return `You declined to support ${where}`;
    case 'cancelled': return `The proposal to support ${where} was withdrawn`;
    default: return `You are supporting ${where}`;
  }
}

function answerPart(deployment: Deployment): CardElement[] {
  const data = { deploymentId: deployment.id };
  switch (deployment.status) {
    case 'proposed':
      return [actions([
        button(ACTIONS.acceptProposal, 'Accept', data, { style: 'primary' }),
        button(ACTIONS.declineProposal, 'Decline', data, { style: 'danger' }),
      ])];
    case 'declined':
      return [text(`You declined: ${deployment.declineReason ?? ''}`)];
    case 'accepted':
      if (deployment.kind === 'diagnostic') {
        return [
          text('You accepted this diagnostic visit. Arrange the day with the school; afterwards, write the short report: strengths, priorities and the support to recommend.'),
          actions([button(ACTIONS.openDiagnosticReport, 'Write the report', data, { style: 'primary' })]),
        ];
      }
      return [
        text('You accepted this proposal. Next, agree a plan with the school: objectives, days and visit dates. The school, the alliance and you each confirm it.'),
        actions([button(ACTIONS.openPlanForm, 'Write plan', data, { style: 'primary' })]),
      ];
    case 'cancelled':
      return [text('The alliance withdrew this proposal. There is nothing more for you to do.')];
    default:
      return [text('You answered this proposal.')];
  }
}
