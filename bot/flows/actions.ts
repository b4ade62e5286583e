import type { Person } from '../../services/domain/person.js';
import { listMyWork } from '../../services/requests/list-my-work.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { buildHelpCard } from '../views/help-card.js';
import { buildMyWorkCard } from '../views/my-work-card.js';
import { ACTIONS, type ActionId } from './action-ids.js';
import { messageExpert } from './contact-flow.js';
import { diagnosticReportForm, followOnRequestForm } from './diagnostic-flow.js';
import { sendAgainFromCard } from './delivery-problems-flow.js';
import { declineRequestForm, decideFromCard, refreshRequestCard, showOtherCandidates, showRequestCard } from './brokerage-flow.js';
import { closeRequestForm, reopenFromCard, withdrawRequestForm } from './end-request-flow.js';
import { evaluationForm } from './evaluation-flow.js';
import { approveMembership, declineMembershipForm, joinAllianceForm } from './join-flow.js';
import { findSupporters, readSearchData } from './find-supporter-flow.js';
import type { FlowContext } from './flow-context.js';
import { showForm, type FormCall } from './form-entry.js';
import { midTermReviewForm } from './mid-term-review-flow.js';
import { confirmPlanFromCard, deploymentPlanForm, planChangesForm, showPlan } from './plan-flow.js';
import { acceptProposal, declineProposalForm } from './proposal-flow.js';
import { showRequestForm } from './request-support-flow.js';
import { reassignFromCard, remindFromCard, withdrawFromCard } from './service-level-flow.js';
import { visitReportCheckForm } from './visit-report-check-flow.js';
import { chooseCorrection, completeFromCard, visitReportForm } from './visit-report-flow.js';
import { sendWorkspaceLink } from './workspace-link-flow.js';

/** A button press: who pressed it, and the data the button carried. */
export type ActionHandler = (ctx: FlowContext, person: Stored<Person>, call: FormCall) => Promise<TurnResult>;

const requestId = (call: FormCall) => String(call.data.requestId ?? '');
const deploymentId = (call: FormCall) => String(call.data.deploymentId ?? '');
const search: ActionHandler = async (ctx, person, call) => {
  const { specialisms, phase, offset } = readSearchData(call.data);
  return findSupporters(ctx, person, specialisms, phase, offset);
};

/** Every button on every card; a button without a handler here does not compile. */
const HANDLERS = {
  [ACTIONS.openRequestForm]: (ctx, person, call) => showRequestForm(ctx, person, call, readSearchData(call.data)),
  [ACTIONS.findSupporter]: async () => ({ replies: [textReply('Tell me what you are looking for, for example "find an SLE in maths for primary" or "who can help with SEND in KS3".')] }),
  [ACTIONS.searchMore]: search,
  [ACTIONS.searchWiden]: search,
  [ACTIONS.myRequests]: async (ctx, person) => ({ replies: [cardReply(buildMyWorkCard(await listMyWork(ctx, person)))] }),
  [ACTIONS.help]: async (_ctx, person) => ({ replies: [cardReply(buildHelpCard(person.role, person.name))] }),
  [ACTIONS.openWorkspace]: async (ctx, person, call) => (call.speaker
    ? sendWorkspaceLink(ctx, person, call.speaker.place, call.speaker.user)
    : { replies: [textReply('Say "open the workspace" to me in our one-to-one chat.')] }),
  [ACTIONS.chooseAlliance]: async (_ctx, person) => ({ replies: [cardReply(buildHelpCard(person.role, person.name))] }),
  [ACTIONS.approve]: (ctx, person, call) => decideFromCard(ctx, person, requestId(call), { outcome: 'approve', candidateId: String(call.data.candidateId ?? '') }, call),
  [ACTIONS.hold]: (ctx, person, call) => decideFromCard(ctx, person, requestId(call), { outcome: 'on-hold' }, call),
  [ACTIONS.decline]: (ctx, person, call) => showForm(declineRequestForm, ctx, person, call),
  [ACTIONS.otherCandidates]: (ctx, person, call) => showOtherCandidates(ctx, person, requestId(call), call),
  [ACTIONS.sendAgain]: (ctx, person, call) => sendAgainFromCard(ctx, person, String(call.data.messageId ?? '')),
  [ACTIONS.refreshRequestCard]: (ctx, person, call) => refreshRequestCard(ctx, person, requestId(call)),
  [ACTIONS.acceptProposal]: (ctx, person, call) => acceptProposal(ctx, person, deploymentId(call)),
  [ACTIONS.declineProposal]: (ctx, person, call) => showForm(declineProposalForm, ctx, person, call),
  [ACTIONS.openPlanForm]: (ctx, person, call) => showForm(deploymentPlanForm, ctx, person, call),
  [ACTIONS.confirmPlan]: (ctx, person, call) => confirmPlanFromCard(ctx, person, deploymentId(call)),
  [ACTIONS.askPlanChanges]: (ctx, person, call) => showForm(planChangesForm, ctx, person, call),
  [ACTIONS.openVisitReport]: (ctx, person, call) => showForm(visitReportForm, ctx, person, call),
  [ACTIONS.openMidTermReview]: (ctx, person, call) => showForm(midTermReviewForm, ctx, person, call),
  [ACTIONS.checkVisitReport]: (ctx, person, call) => showForm(visitReportCheckForm, ctx, person, call),
  [ACTIONS.correctVisitReport]: chooseCorrection,
  [ACTIONS.completeDeployment]: (ctx, person, call) => completeFromCard(ctx, person, deploymentId(call)),
  [ACTIONS.openEvaluation]: (ctx, person, call) => showForm(evaluationForm, ctx, person, call),
  [ACTIONS.messageExpert]: (ctx, person, call) => messageExpert(ctx, person, String(call.data.personId ?? ''), call.channel),
  // The link opens the chat by itself; the contact was recorded when "Message" was pressed.
  [ACTIONS.openChatLink]: async () => ({ replies: [] }),
  [ACTIONS.openDiagnosticReport]: (ctx, person, call) => showForm(diagnosticReportForm, ctx, person, call),
  [ACTIONS.openFollowOnRequest]: (ctx, person, call) => showForm(followOnRequestForm, ctx, person, call),
  [ACTIONS.openJoinForm]: (ctx, person, call) => showForm(joinAllianceForm, ctx, person, call),
  [ACTIONS.approveMembership]: (ctx, person, call) => approveMembership(ctx, person, String(call.data.membershipRequestId ?? '')),
  [ACTIONS.declineMembership]: (ctx, person, call) => showForm(declineMembershipForm, ctx, person, call),
  [ACTIONS.viewPlan]: (ctx, person, call) => showPlan(ctx, person, deploymentId(call)),
  [ACTIONS.showRequest]: (ctx, person, call) => showRequestCard(ctx, person, requestId(call)),
  [ACTIONS.closeRequest]: (ctx, person, call) => showForm(closeRequestForm, ctx, person, call),
  [ACTIONS.withdrawRequest]: (ctx, person, call) => showForm(withdrawRequestForm, ctx, person, call),
  [ACTIONS.reopenRequest]: (ctx, person, call) => reopenFromCard(ctx, person, requestId(call)),
  [ACTIONS.remindAgain]: (ctx, person, call) => remindFromCard(ctx, person, requestId(call)),
  [ACTIONS.reassignProposal]: (ctx, person, call) => reassignFromCard(ctx, person, deploymentId(call)),
  [ACTIONS.withdrawProposal]: (ctx, person, call) => withdrawFromCard(ctx, person, deploymentId(call)),
} satisfies Record<ActionId, ActionHandler>;

export async function runAction(ctx: FlowContext, person: Stored<Person>, actionId: string, call: FormCall): Promise<TurnResult> {
  if (!Object.hasOwn(HANDLERS, actionId)) {
    return { replies: [textReply('That button is out of date. Here is what I can do now.'), cardReply(buildHelpCard(person.role, person.name))] };
  }
  return HANDLERS[actionId as ActionId](ctx, person, call);
}
