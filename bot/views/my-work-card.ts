import { showDate } from '../../services/domain/show-date.js';
import { actions, button, card, heading, list, text, type Button, type CardElement, type MessageCard } from '../../cards/message-card.js';
import type { Step } from '../../services/deployments/next-steps.js';
import { PHASE_LABELS } from '../../services/domain/phases.js';
import type { MyWork, RequestStep, WorkItem } from '../../services/requests/list-my-work.js';
import { REQUEST_PROGRESS } from '../../services/requests/request-progress.js';
import { ACTIONS, type ActionId } from '../flows/action-ids.js';
import { deliveredText } from './delivered-days.js';
import { specialismList } from './request-summary.js';

/** Each step the person can take now, as its button: short titles, the reference is in the item. */
const STEP_BUTTONS: Record<Step | RequestStep, { action: ActionId; title: string; primary?: boolean }> = {
  accept: { action: ACTIONS.acceptProposal, title: 'Accept', primary: true },
  decline: { action: ACTIONS.declineProposal, title: 'Decline' },
  writePlan: { action: ACTIONS.openPlanForm, title: 'Write plan', primary: true },
  revisePlan: { action: ACTIONS.openPlanForm, title: 'Revise plan' },
  viewPlan: { action: ACTIONS.viewPlan, title: 'View plan' },
  confirmPlan: { action: ACTIONS.confirmPlan, title: 'Confirm plan', primary: true },
  askChanges: { action: ACTIONS.askPlanChanges, title: 'Ask for changes' },
  reportVisit: { action: ACTIONS.openVisitReport, title: 'Report a visit', primary: true },
  reviewMidTerm: { action: ACTIONS.openMidTermReview, title: 'Mid-term review', primary: true },
  complete: { action: ACTIONS.completeDeployment, title: 'Complete' },
  checkReport: { action: ACTIONS.checkVisitReport, title: 'Check visit reports' },
  correctReport: { action: ACTIONS.correctVisitReport, title: 'Correct a report' },
  evaluate: { action: ACTIONS.openEvaluation, title: 'Evaluate', primary: true },
  reportDiagnostic: { action: ACTIONS.openDiagnosticReport, title: 'Report diagnostic', primary: true },
  decide: { action: ACTIONS.showRequest, title: 'Candidates', primary: true },
  withdraw: { action: ACTIONS.withdrawRequest, title: 'Withdraw' },
  close: { action: ACTIONS.closeRequest, title: 'Close' },
};
/** Steps on the request itself carry its id; the others, the deployment's. */
const REQUEST_STEPS: ReadonlySet<Step | RequestStep> = new Set<RequestStep>(['decide', 'withdraw', 'close']);

const TITLES: Record<MyWork['role'], string> = {
  head: "Your school's requests",
  supporter: 'Your deployments',
  manager: "The alliance's open requests",
  none: 'Nothing to show',
};

/** "My requests" / "my deployments": each item's true stage, who it waits on, and this person's buttons. */
export function buildMyWorkCard(work: MyWork): MessageCard {
  if (work.role === 'none') return card('Nothing to show', [text('There is nothing for you to follow here yet.')]);
  const title = TITLES[work.role];
  const empty = {
    head: 'Your school has not requested support yet.',
    supporter: 'You have no deployments yet. The alliance manager will propose one when a school needs your expertise.',
    manager: 'There are no open requests.',
  }[work.role];
  return card(`${title}: ${work.items.length}`, [
    heading(title),
    ...(work.items.length ? work.items.flatMap(itemElements) : [text(empty)]),
    // "cancel my request" lands here: say how.
    ...(work.items.some((item) => item.steps.includes('withdraw')) ? [text('To cancel a request, press Withdraw on it and give a reason: the alliance manager and any matched supporter are told.', { muted: true })] : []),
    ...(work.role === 'head' ? [actions([button(ACTIONS.openRequestForm, 'Request support', {}, { style: 'primary' })])] : []),
  ]);
}

function itemElements(item: WorkItem): CardElement[] {
  const { request, deployment } = item;
  const stage = deployment?.status === 'proposed'
    ? `Proposed to ${item.supporterName ?? 'a supporter'}`
    : `${REQUEST_PROGRESS[request.status].label}${item.supporterName ? ` with ${item.supporterName}` : ''}`;
  const lines = [
    `${waitingLine(item)}${item.due ? `, ${item.due}` : ''}`,
    ...(deployment?.status === 'proposed' ? proposalLines(item) : []),
    ...(item.endedBecause ? [`Reason: ${item.endedBecause}`] : []),
    ...(deployment?.plan && item.days.delivered > 0 ? [`Delivered: ${deliveredText(item.days, deployment.plan.days)}`] : []),
    `Submitted ${showDate(request.createdAt.slice(0, 10))}`,
  ];
  const buttons: Button[] = item.steps.map((step) => {
    const { action, title, primary } = STEP_BUTTONS[step];
    const data: Record<string, string> = REQUEST_STEPS.has(step) ? { requestId: request.id } : { deploymentId: deployment?.id ?? '' };
    return button(action, title, data, primary ? { style: 'primary' } : {});
  });
  return [
    list([{ title: `${request.reference}: ${specialismList(request)}`, subtitle: stage, lines }]),
    ...(buttons.length ? [actions(buttons)] : []),
  ];
}

/**
 * What the item waits for and on whom: "Waiting for the plan to be confirmed (1 of 3 have) — you,
 * Priya Shah". A stage's own sentence ("The alliance manager chooses a supporter") already says who.
 */
function waitingLine({ waitsFor, waitsOn }: WorkItem): string {
  if (!waitsOn.length || /^[A-Z]/.test(waitsFor)) return `Next: ${waitsFor}`;
  return `Waiting for ${waitsFor} — ${waitsOn.join(', ')}`;
}

/** Before accepting, the supporter sees what she is agreeing to. */
function proposalLines({ request, school }: WorkItem): string[] {
  return [
    `School: ${school?.name ?? `URN ${request.schoolUrn}`}, ${PHASE_LABELS[request.phase]}`,
    `${request.daysWanted} days${request.preferredStart ? ` from ${showDate(request.preferredStart)}` : ''}`,
    `Need: ${request.need.length > 300 ? `${request.need.slice(0, 300)}…` : request.need}`,
    ...(request.ofstedContext ? [`Context: ${request.ofstedContext.slice(0, 200)}`] : []),
  ];
}
