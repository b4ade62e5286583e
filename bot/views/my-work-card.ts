import { actions, button, card, heading, list, text, type Button, type CardElement, type ListItem, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import type { MyWork } from '../../services/requests/list-my-work.js';
import { deploymentIdFor } from '../../services/requests/decide-request.js';
import { REQUEST_PROGRESS } from '../../services/requests/request-progress.js';
import { ACTIONS } from '../flows/action-ids.js';
import { specialismList } from './request-summary.js';

const DEPLOYMENT_LABELS: Record<Deployment['status'], string> = {
  proposed: 'Proposed to you: please accept or decline',
  accepted: 'Accepted: next, the deployment plan',
  declined: 'You declined',
  planned: 'Planned',
  active: 'Visits under way',
  completed: 'Completed',
  evaluated: 'Evaluated by the school',
  cancelled: 'Cancelled',
};

/** "My requests" / "my deployments": stage, next step and who it waits on. */
export function buildMyWorkCard(work: MyWork): MessageCard {
  if (work.role === 'none') return card('Nothing to show', [text('There is nothing for you to follow here yet.')]);
  if (work.role === 'supporter') {
    const items: ListItem[] = work.deployments.map((d) => {
      const request = work.requests.get(d.requestId);
      return {
        title: `${d.requestReference}: ${request ? specialismList(request) : 'support request'}`,
        subtitle: DEPLOYMENT_LABELS[d.status],
        lines: [`${d.daysCommitted} days at £${d.dayRate} a day`],
      };
    });
    const proposed = work.deployments.filter((d) => d.status === 'proposed');
    return card(`Your deployments: ${work.deployments.length}`, [
      heading('Your deployments'),
      items.length ? list(items) : text('You have no deployments yet. The alliance manager will propose one when a school needs your expertise.'),
      ...proposed.map((d) => actions([
        button(ACTIONS.acceptProposal, `Accept ${d.requestReference}`, { deploymentId: d.id }, { style: 'primary' }),
        button(ACTIONS.declineProposal, `Decline ${d.requestReference}`, { deploymentId: d.id }, { style: 'danger' }),
      ])),
      ...nextStepButtons(work.deployments),
    ]);
  }
  const title = work.role === 'head' ? "Your school's requests" : "The alliance's open requests";
  const items = work.requests.map((r) => requestItem(r, work.supporters));
  return card(`${title}: ${work.requests.length}`, [
    heading(title),
    items.length ? list(items) : text(work.role === 'head' ? 'Your school has not requested support yet.' : 'There are no open requests.'),
    ...(work.role === 'head' ? [actions([button(ACTIONS.openRequestForm, 'Request support', {}, { style: 'primary' }), ...evaluateButtons(work.requests)])] : []),
  ]);
}

function requestItem(request: SupportRequest, supporters: Map<string, string>): ListItem {
  const progress = REQUEST_PROGRESS[request.status];
  const supporter = request.matchedSupporterId ? supporters.get(request.matchedSupporterId) : undefined;
  return {
    title: `${request.reference}: ${specialismList(request)}`,
    subtitle: `${progress.label}${supporter ? ` with ${supporter}` : ''}`,
    lines: [`Next: ${progress.next}`, `Submitted ${request.createdAt.slice(0, 10)}`],
  };
}

/** A supporter's next step on each deployment: write (or revise) the plan, or report a visit. */
function nextStepButtons(deployments: readonly Deployment[]): CardElement[] {
  const buttons = deployments.flatMap((d): Button[] => {
    const data = { deploymentId: d.id };
    if (d.status === 'accepted' && d.kind === 'diagnostic') return [button(ACTIONS.openDiagnosticReport, `Report ${d.requestReference}`, data, { style: 'primary' })];
    if (d.status === 'accepted' && (!d.plan || d.plan.status === 'changes-requested')) return [button(ACTIONS.openPlanForm, `Plan ${d.requestReference}`, data, { style: 'primary' })];
    if (d.status === 'planned' || d.status === 'active') return [button(ACTIONS.openVisitReport, `Report a visit: ${d.requestReference}`, data)];
    return [];
  });
  return buttons.length ? [actions(buttons)] : [];
}

/** Completed support waits on the head's evaluation. */
function evaluateButtons(requests: readonly SupportRequest[]): Button[] {
  return requests
    .filter((r) => r.status === 'completed' && r.matchedSupporterId)
    .map((r) => button(ACTIONS.openEvaluation, `Evaluate ${r.reference}`, { deploymentId: deploymentIdFor(r.id, r.matchedSupporterId!) }));
}
