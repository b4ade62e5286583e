/** Every button the bot puts on a card, by its stable id. Teams uses them as verbs, Slack as action_ids. */
export const ACTIONS = {
  openRequestForm: 'menu.request-support',
  findSupporter: 'menu.find-supporter',
  myRequests: 'menu.my-requests',
  help: 'menu.help',
  /** Sends a one-time workspace sign-in link to the person's one-to-one chat (the Slack App Home has it). */
  openWorkspace: 'menu.open-workspace',
  chooseAlliance: 'alliance.choose',
  searchMore: 'search.more',
  searchWiden: 'search.widen',
  approve: 'request.approve',
  otherCandidates: 'request.other-candidates',
  decline: 'request.decline',
  hold: 'request.hold',
  acceptProposal: 'proposal.accept',
  declineProposal: 'proposal.decline',
  openPlanForm: 'plan.open',
  confirmPlan: 'plan.confirm',
  askPlanChanges: 'plan.ask-changes',
  openVisitReport: 'visit-report.open',
  openMidTermReview: 'mid-term-review.open',
  checkVisitReport: 'visit-report-check.open',
  /** The supporter's correction of their own report, until the school has checked it. */
  correctVisitReport: 'visit-report.correct',
  completeDeployment: 'deployment.complete',
  openEvaluation: 'evaluation.open',
  messageExpert: 'contact.message',
  /** A link button (it opens the chat itself); Slack still reports the press. */
  openChatLink: 'contact.open-chat',
  openDiagnosticReport: 'diagnostic-report.open',
  openFollowOnRequest: 'diagnostic.follow-on',
  openJoinForm: 'join.open',
  approveMembership: 'membership.approve',
  declineMembership: 'membership.decline',
  viewPlan: 'plan.view',
  showRequest: 'request.show',
  /** Opens the form for the manager's reason. */
  closeRequest: 'request.close',
  sendAgain: 'delivery.send-again',
  /** Teams asks for a person's own view of a shared request card (Universal Actions refresh). */
  refreshRequestCard: 'request.refresh',
  /** Opens the form for the head's reason. */
  withdrawRequest: 'request.withdraw',
  reopenRequest: 'request.reopen',
  /** The escalation card's actions, for managers. */
  remindAgain: 'sla.remind-again',
  reassignProposal: 'proposal.reassign',
  withdrawProposal: 'proposal.withdraw',
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
