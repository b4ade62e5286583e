import type { PlanParty } from '../domain/deployment-plan.js';
import type { Stage } from '../service-levels/settings.js';

/**
 * What should be said to whom, without saying how: the delivery side (bot/) renders each kind into an
 * Adaptive Card or Block Kit from the records as they are when it is sent.
 */
export type NotificationTarget =
  | { kind: 'person'; personId: string }
  | { kind: 'managerChannel' };

export type NotificationEvent =
  /** A new request for the manager channel, with its candidates and decision buttons. */
  | { kind: 'requestForManagers'; requestId: string }
  /** The manager-channel card for a request is out of date (decided, or a proposal answered). */
  | { kind: 'requestCardUpdate'; requestId: string }
  /** The requesting head hears their request was matched. */
  | { kind: 'requestMatched'; requestId: string; deploymentId: string }
  /** The requesting head hears their request was declined or put on hold. */
  | { kind: 'requestDecided'; requestId: string }
  /** A request was withdrawn by the school or closed by the manager: who, when and why, for everyone concerned. */
  | { kind: 'requestClosed'; requestId: string }
  /** A manager reopened a closed request, for everyone concerned. */
  | { kind: 'requestReopened'; requestId: string }
  /** A supporter is asked to accept or decline a proposed deployment. */
  | { kind: 'deploymentProposed'; deploymentId: string }
  /** The manager channel hears a supporter accepted or declined. */
  | { kind: 'proposalAnswered'; deploymentId: string }
  /** The supporter hears, politely, that a proposal they had not answered was withdrawn. */
  | { kind: 'proposalWithdrawn'; deploymentId: string }
  /** The manager channel hears the service levels passed an unanswered proposal on (the withdrawn deployment). */
  | { kind: 'proposalPassed'; deploymentId: string }
  /** A plan awaits a party's confirmation (new, or re-submitted after changes were asked for). */
  | { kind: 'planSubmitted'; deploymentId: string }
  /** One party confirmed the plan; the others still to confirm hear it. */
  | { kind: 'planConfirmed'; deploymentId: string; party: 'supporter' | 'alliance' | 'school' }
  /** All three parties confirmed: the deployment is planned. */
  | { kind: 'planAgreed'; deploymentId: string }
  /** A party asked for changes; the supporter revises and submits again. */
  | { kind: 'planChangesRequested'; deploymentId: string }
  /** A visit report arrived, for the requesting head and the manager channel. */
  | { kind: 'visitReportSubmitted'; deploymentId: string; reportId: string }
  /** The school says a visit report needs correcting: the supporter hears what. */
  | { kind: 'visitReportCorrection'; deploymentId: string; reportId: string }
  /** The supporter corrected a visit report: the school's heads and the manager channel see it as it is now. */
  | { kind: 'visitReportCorrected'; deploymentId: string; reportId: string }
  /** The supporter is reminded of reports more than 5 working days late. */
  | { kind: 'visitReportOverdue'; deploymentId: string; visitDates: string[] }
  /** Reports reached half the planned days: the supporter and the school are each asked for a mid-term review. */
  | { kind: 'midTermReviewDue'; deploymentId: string }
  /** A mid-term review says the support is not working: the manager channel is told at once. */
  | { kind: 'midTermNotWorking'; deploymentId: string; party: 'supporter' | 'school' }
  /** The days are delivered: the requesting head is asked to evaluate. */
  | { kind: 'deploymentCompleted'; deploymentId: string }
  /** A manager named this head to speak for the supported school: confirm the plan, evaluate. */
  | { kind: 'schoolHeadNamed'; deploymentId: string }
  /** The school's evaluation is in, for the supporter and the manager channel. */
  | { kind: 'deploymentEvaluated'; deploymentId: string }
  /** A diagnostic visit was reported, for the requesting head and the manager channel, with the follow-on button. */
  | { kind: 'diagnosticReported'; deploymentId: string; reportId: string }
  /** A school asks to join or leave: the manager channel's card, with approve and decline buttons. */
  | { kind: 'membershipForManagers'; membershipRequestId: string }
  /** The manager channel's membership card is out of date: someone decided it. */
  | { kind: 'membershipCardUpdate'; membershipRequestId: string }
  /** The head who asked to join or leave hears the answer. */
  | { kind: 'membershipDecided'; membershipRequestId: string }
  /** Something waits past its due date (services/service-levels): the person it waits on is nudged. */
  | { kind: 'serviceLevelNudge'; recordId: string; stage: Stage; dueDate: string }
  /** Still waiting after the nudge: the manager channel gets the item with what unblocks it. */
  | { kind: 'serviceLevelEscalation'; recordId: string; stage: Stage; dueDate: string; waitsOn: PlanParty[] }
  /** The manager channel's weekly digest for an ISO week such as 2026-W48 (services/digest computes it). */
  | { kind: 'weeklyDigest'; allianceId: string; week: string };

export interface Notification {
  target: NotificationTarget;
  event: NotificationEvent;
}
