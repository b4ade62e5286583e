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
  /** A supporter is asked to accept or decline a proposed deployment. */
  | { kind: 'deploymentProposed'; deploymentId: string }
  /** The manager channel hears a supporter accepted or declined. */
  | { kind: 'proposalAnswered'; deploymentId: string };

export interface Notification {
  target: NotificationTarget;
  event: NotificationEvent;
}
