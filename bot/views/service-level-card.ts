import { showDate } from '../../services/domain/show-date.js';
import { actions, button, card, facts, heading, text, type Button, type MessageCard } from '../../cards/message-card.js';
import type { PlanParty } from '../../services/domain/deployment-plan.js';
import type { DueRecord } from '../../services/service-levels/due-items.js';
import { describeDue } from '../../services/service-levels/due-label.js';
import { STAGE_LABELS, type Stage } from '../../services/service-levels/settings.js';
import { ACTIONS } from '../flows/action-ids.js';

export interface DueCardInput {
  record: DueRecord;
  stage: Stage;
  dueDate: string;
  today: string;
  /** The supported school's name, when known. */
  school?: string;
}

const NUDGES: Record<Stage, string> = {
  decision: 'This request is waiting for a manager to approve a match, decline it or put it on hold.',
  answer: 'You were proposed for this deployment: please accept or decline, so the school is not kept waiting.',
  'plan-draft': 'The deployment is accepted: please write the plan with the school.',
  'plan-confirm': 'The plan is waiting for your confirmation.',
  'visit-report': 'A visit report is waiting.',
  'mid-term': 'Half the planned days are done: please say how the support is going, objective by objective.',
  evaluation: "The support is complete: please evaluate its impact, so the alliance can learn what works.",
};

const PARTY_NAMES: Record<PlanParty, string> = { supporter: 'the supporter', school: 'the school', alliance: 'the alliance' };

/** A nudge to the person an item waits on, with the button that does it. */
export function buildNudgeCard(input: DueCardInput): MessageCard {
  const title = `${capitalise(STAGE_LABELS[input.stage])} ${describeDue(input.dueDate, input.today)}: ${referenceOf(input.record)}`;
  const buttons = nudgeButtons(input.record, input.stage);
  return card(title, [
    heading(title),
    text(NUDGES[input.stage]),
    ...(input.school ? [facts([{ label: 'School', value: input.school }])] : []),
    ...(buttons.length ? [actions(buttons)] : []),
  ]);
}

/** The manager channel's card for an item still waiting after its nudge, with what unblocks it. */
export function buildEscalationCard(input: DueCardInput & { waitsOn: readonly PlanParty[] }): MessageCard {
  const title = `Slipping: ${referenceOf(input.record)}, ${STAGE_LABELS[input.stage]}`;
  const buttons = escalationButtons(input.record, input.stage);
  return card(title, [
    heading(title),
    facts([
      { label: 'Due', value: `${showDate(input.dueDate)} (${describeDue(input.dueDate, input.today)})` },
      { label: 'Waiting on', value: input.waitsOn.map((party) => PARTY_NAMES[party]).join(', ') },
      ...(input.school ? [{ label: 'School', value: input.school }] : []),
    ]),
    text('They were reminded and it is still waiting. Remind them again, or change the request here or from its card.', { muted: true }),
    ...(buttons.length ? [actions(buttons)] : []),
  ]);
}

/** Remind again, and what else unblocks the stage: re-assign or withdraw a proposal, complete visits cut short. */
function escalationButtons(record: DueRecord, stage: Stage): Button[] {
  if (record.type === 'supportRequest') return [button(ACTIONS.showRequest, 'Open the request', { requestId: record.id }, { style: 'primary' })];
  const data = { deploymentId: record.id };
  const remind = button(ACTIONS.remindAgain, 'Remind again', { requestId: record.requestId }, { style: 'primary' });
  if (stage === 'answer' && record.status === 'proposed') {
    return [
      remind,
      button(ACTIONS.reassignProposal, 'Re-assign', data, { confirm: confirmOf('Re-assign this proposal?', 'The supporter is told politely that it was withdrawn, and the next best candidate is asked instead.', 'Re-assign') }),
      button(ACTIONS.withdrawProposal, 'Withdraw', data, { style: 'danger', confirm: confirmOf('Withdraw this proposal?', 'The supporter is told politely, and the request goes back to its card for you to choose again.', 'Withdraw') }),
    ];
  }
  if (stage === 'visit-report' && record.status === 'active') return [remind, button(ACTIONS.completeDeployment, 'Complete', data)];
  return [remind];
}

function confirmOf(title: string, body: string, confirmLabel: string) {
  return { title, text: body, confirmLabel, denyLabel: 'Cancel' };
}

function nudgeButtons(record: DueRecord, stage: Stage): Button[] {
  if (record.type === 'supportRequest') return [button(ACTIONS.myRequests, 'Open requests', {})];
  const data = { deploymentId: record.id };
  switch (stage) {
    case 'answer': return [button(ACTIONS.acceptProposal, 'Accept', data, { style: 'primary' }), button(ACTIONS.declineProposal, 'Decline', data, { style: 'danger' })];
    case 'plan-draft': return [button(ACTIONS.openPlanForm, 'Write plan', data, { style: 'primary' })];
    case 'plan-confirm': return [button(ACTIONS.confirmPlan, 'Confirm plan', data, { style: 'primary' }), button(ACTIONS.askPlanChanges, 'Ask for changes', data)];
    case 'visit-report': return [button(ACTIONS.openVisitReport, 'Send a visit report', data, { style: 'primary' })];
    case 'mid-term': return [button(ACTIONS.openMidTermReview, 'Mid-term review', data, { style: 'primary' })];
    case 'evaluation': return [button(ACTIONS.openEvaluation, 'Evaluate the support', data, { style: 'primary' })];
    default: return [];
  }
}

function referenceOf(record: DueRecord): string {
  return record.type === 'supportRequest' ? record.reference : record.requestReference;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
