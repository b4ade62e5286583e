import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { NotificationEvent, NotificationTarget } from './notification.js';
import type { OutboxMessage } from './outbox-message.js';

/** A notification given up on: who missed what, and why. */
export interface DeliveryProblem {
  messageId: string;
  failedAt: string;
  reason: string;
  attempts: number;
  target: NotificationTarget;
  event: NotificationEvent;
  /** A person's name, or "the manager channel". */
  who: string;
  /** What they missed, in a few words with the request reference or week. */
  what: string;
}

/** Every notification in plain words; a full record, so a new kind cannot be added without its words. */
const EVENT_LABELS: Record<NotificationEvent['kind'], string> = {
  requestForManagers: 'new request card',
  requestCardUpdate: 'request card update',
  requestMatched: 'news that their request was matched',
  requestDecided: 'decision on their request',
  requestClosed: 'news that a request was withdrawn or closed',
  requestReopened: 'news that a request was reopened',
  deploymentProposed: 'proposed deployment to accept or decline',
  proposalAnswered: "supporter's answer to a proposal",
  proposalWithdrawn: 'news that a proposal to them was withdrawn',
  proposalPassed: 'news that an unanswered proposal passed to the next candidate',
  planSubmitted: 'plan to confirm',
  planConfirmed: 'news that a party confirmed the plan',
  planAgreed: 'news that the plan was agreed',
  planChangesRequested: 'request for changes to the plan',
  visitReportSubmitted: 'visit report',
  visitReportOverdue: 'reminder of an overdue visit report',
  visitReportCorrection: "school's correction to a visit report",
  visitReportCorrected: "supporter's correction of a visit report",
  midTermReviewDue: 'mid-term review to give',
  midTermNotWorking: 'mid-term review saying the support is not working',
  deploymentCompleted: 'news that the support was completed, with the evaluation to do',
  schoolHeadNamed: 'news that they now speak for the school',
  deploymentEvaluated: 'evaluation of the support',
  diagnosticReported: 'diagnostic report',
  membershipForManagers: "school's request to join or leave",
  membershipCardUpdate: 'membership card update',
  membershipDecided: 'answer to their request to join or leave',
  serviceLevelNudge: 'reminder of something waiting on them',
  serviceLevelEscalation: 'escalation of something overdue',
  weeklyDigest: 'weekly digest',
};

/** The alliance's failed notifications, newest first, for the manager's `delivery problems` command. */
export async function listDeliveryProblems(ctx: ServiceContext, allianceId: string, limit = 50): Promise<DeliveryProblem[]> {
  const failed = await ctx.store.query<OutboxMessage>(allianceId, {
    type: 'outbox',
    where: [{ field: 'status', op: 'eq', value: 'failed' }],
    orderBy: [{ field: 'failedAt', direction: 'desc' }],
    limit,
  });
  // A person or request missing several notifications is read once.
  const cache = new Map<string, Promise<string | undefined>>();
  const once = (key: string, read: () => Promise<string | undefined>) => cache.get(key) ?? cache.set(key, read()).get(key)!;
  const who = async (target: NotificationTarget) => target.kind === 'managerChannel'
    ? 'The manager channel'
    : (await once(target.personId, () => personName(ctx, allianceId, target.personId))) ?? 'Someone no longer in the directory';
  const what = async (event: NotificationEvent) =>
    [EVENT_LABELS[event.kind], await once(JSON.stringify(event), () => subjectOf(ctx, allianceId, event))].filter(Boolean).join(' ');
  return Promise.all(failed.map(async (message) => ({
    messageId: message.id,
    failedAt: message.failedAt ?? message.notBefore,
    reason: message.failedReason ?? 'unknown',
    attempts: message.attempts,
    target: message.target,
    event: message.event,
    who: await who(message.target),
    what: await what(message.event),
  })));
}

async function personName(ctx: ServiceContext, allianceId: string, personId: string): Promise<string | undefined> {
  const person = await ctx.store.get<Person>(allianceId, personId);
  return person && !person.erasedAt ? person.name : undefined;
}

/** The request reference (or the digest's week) that says which one was missed. */
async function subjectOf(ctx: ServiceContext, allianceId: string, event: NotificationEvent): Promise<string | undefined> {
  if ('requestId' in event) return (await ctx.store.get<SupportRequest>(allianceId, event.requestId))?.reference;
  if ('deploymentId' in event) return (await ctx.store.get<Deployment>(allianceId, event.deploymentId))?.requestReference;
  return 'week' in event ? event.week : undefined;
}
