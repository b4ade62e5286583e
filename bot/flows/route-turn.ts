import { DECLINE_FORM_IDS } from '../../cards/forms/decline-request.js';
import { DEPLOYMENT_PLAN_FORM_ID } from '../../cards/forms/deployment-plan.js';
import { EVALUATION_FORM_ID } from '../../cards/forms/evaluation.js';
import { PLAN_CHANGES_FORM_ID } from '../../cards/forms/plan-changes.js';
import { SUPPORT_REQUEST_FORM_ID } from '../../cards/forms/support-request.js';
import { VISIT_REPORT_FORM_ID } from '../../cards/forms/visit-report.js';
import type { Person } from '../../services/domain/person.js';
import { BotError } from '../../services/errors.js';
import { identifySpeaker } from '../../services/identity/channel-identity.js';
import { removeConversationLink } from '../../services/identity/conversation-references.js';
import { listMyWork } from '../../services/requests/list-my-work.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import type { Turn } from '../conversation/turn.js';
import { renderHelpCard } from '../views/help-card.js';
import { renderMyWorkCard } from '../views/my-work-card.js';
import { ACTIONS } from './action-ids.js';
import {
  decideFromCard, handleDeclineRequestSubmit, showDeclineRequestForm, showOtherCandidates,
} from './brokerage-flow.js';
import { findSupporters, readSearchData } from './find-supporter-flow.js';
import { handleEvaluationSubmit, showEvaluationForm } from './evaluation-flow.js';
import type { FlowContext } from './flow-context.js';
import { handleMessage } from './message-flow.js';
import { confirmPlanFromCard, handlePlanChangesSubmit, handlePlanSubmit, showPlanChangesForm, showPlanForm } from './plan-flow.js';
import { acceptProposal, handleDeclineProposalSubmit, showDeclineProposalForm } from './proposal-flow.js';
import { rememberConversation } from './remember-conversation.js';
import { handleRequestSubmit, showRequestForm } from './request-support-flow.js';
import { renderAllianceChoiceCard, renderUnknownUserCard } from './speaker.js';
import { completeFromCard, handleVisitReportSubmit, showVisitReportForm } from './visit-report-flow.js';

/**
 * Every turn from either channel: who is speaking, in which alliance, then what they asked.
 * A failure the person can act on becomes a plain answer; anything else is the edge's to report.
 */
export async function routeTurn(ctx: FlowContext, turn: Turn): Promise<TurnResult> {
  const people = await identifySpeaker(ctx, turn.user);
  if (turn.kind === 'uninstalled') {
    for (const person of people) await removeConversationLink(ctx, person.allianceId, turn.user.channel, person.id);
    return { replies: [] };
  }
  if (people.length === 0) return { replies: [cardReply(await renderUnknownUserCard(ctx))] };

  const choosing = turn.kind === 'action' && turn.actionId === ACTIONS.chooseAlliance;
  const chosenId = choosing ? String(turn.data.allianceId) : turn.chosenAllianceId;
  const person = people.length === 1 ? people[0] : people.find((p) => p.allianceId === chosenId);
  if (!person) return { replies: [cardReply(await renderAllianceChoiceCard(ctx, people))] };
  await rememberConversation(ctx, person, turn);

  try {
    const result = await dispatch(ctx, person, turn);
    return choosing || people.length > 1 ? { ...result, chosenAllianceId: person.allianceId } : result;
  } catch (error) {
    if (error instanceof BotError && error.code !== 'internal' && error.code !== 'store_unavailable') {
      return { replies: [textReply(error.message)] };
    }
    throw error;
  }
}

async function dispatch(ctx: FlowContext, person: Stored<Person>, turn: Turn): Promise<TurnResult> {
  switch (turn.kind) {
    case 'installed':
      return { replies: [cardReply(renderHelpCard(person.role, person.name, 'Thanks for adding me. I help your alliance broker school-to-school support.'))] };
    case 'message':
      return handleMessage(ctx, person, turn);
    case 'formSubmit':
      switch (turn.formId) {
        case SUPPORT_REQUEST_FORM_ID:
          return handleRequestSubmit(ctx, person, turn.values, turn.data, turn.user.channel);
        case DECLINE_FORM_IDS.request:
          return handleDeclineRequestSubmit(ctx, person, turn.values, turn.data);
        case DECLINE_FORM_IDS.proposal:
          return handleDeclineProposalSubmit(ctx, person, turn.values, turn.data);
        case DEPLOYMENT_PLAN_FORM_ID:
          return handlePlanSubmit(ctx, person, turn.values, turn.data);
        case PLAN_CHANGES_FORM_ID:
          return handlePlanChangesSubmit(ctx, person, turn.values, turn.data);
        case VISIT_REPORT_FORM_ID:
          return handleVisitReportSubmit(ctx, person, turn.values, turn.data);
        case EVALUATION_FORM_ID:
          return handleEvaluationSubmit(ctx, person, turn.values, turn.data);
        default:
          return { replies: [textReply('That form is out of date. Here is what I can do now.'), cardReply(renderHelpCard(person.role, person.name))] };
      }
    case 'action':
      return dispatchAction(ctx, person, turn.actionId, turn.data);
    default:
      return { replies: [] };
  }
}

async function dispatchAction(ctx: FlowContext, person: Stored<Person>, actionId: string, data: Record<string, unknown>): Promise<TurnResult> {
  const requestId = String(data.requestId ?? '');
  const deploymentId = String(data.deploymentId ?? '');
  switch (actionId) {
    case ACTIONS.openRequestForm:
      return showRequestForm(ctx, person, readSearchData(data));
    case ACTIONS.findSupporter:
      return { replies: [textReply('Tell me what you are looking for, for example "find an SLE in maths for primary" or "who can help with SEND in KS3".')] };
    case ACTIONS.searchMore:
    case ACTIONS.searchWiden: {
      const search = readSearchData(data);
      return findSupporters(ctx, person, search.specialisms, search.phase, search.offset);
    }
    case ACTIONS.myRequests:
      return { replies: [cardReply(renderMyWorkCard(await listMyWork(ctx, person)))] };
    case ACTIONS.help:
    case ACTIONS.chooseAlliance:
      return { replies: [cardReply(renderHelpCard(person.role, person.name))] };
    case ACTIONS.approve:
      return decideFromCard(ctx, person, requestId, { outcome: 'approve', candidateId: String(data.candidateId ?? '') });
    case ACTIONS.hold:
      return decideFromCard(ctx, person, requestId, { outcome: 'on-hold' });
    case ACTIONS.decline:
      return showDeclineRequestForm(ctx, person, requestId);
    case ACTIONS.otherCandidates:
      return showOtherCandidates(ctx, person, requestId);
    case ACTIONS.acceptProposal:
      return acceptProposal(ctx, person, deploymentId);
    case ACTIONS.declineProposal:
      return showDeclineProposalForm(ctx, person, deploymentId);
    case ACTIONS.openPlanForm:
      return showPlanForm(ctx, person, deploymentId);
    case ACTIONS.confirmPlan:
      return confirmPlanFromCard(ctx, person, deploymentId);
    case ACTIONS.askPlanChanges:
      return showPlanChangesForm(ctx, person, deploymentId);
    case ACTIONS.openVisitReport:
      return showVisitReportForm(ctx, person, deploymentId);
    case ACTIONS.completeDeployment:
      return completeFromCard(ctx, person, deploymentId);
    case ACTIONS.openEvaluation:
      return showEvaluationForm(ctx, person, deploymentId);
    default:
      return { replies: [textReply('That button is out of date. Here is what I can do now.'), cardReply(renderHelpCard(person.role, person.name))] };
  }
}
