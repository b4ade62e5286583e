import type { PlanParty } from '../domain/deployment-plan.js';
import type { Deployment } from '../domain/deployment.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { Notification, NotificationTarget } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { DueAction } from './due-actions.js';
import type { DueRecord } from './due-items.js';

/**
 * The notifications for one record's actions of one kind and stage taken together (several overdue
 * visit reports make one reminder): a nudge to whoever the item waits on, an escalation to the
 * manager channel.
 */
export async function notificationsFor(ctx: ServiceContext, record: DueRecord, actions: DueAction[]): Promise<Notification[]> {
  const [{ kind, item }] = actions;
  const dueDate = actions.map((action) => action.item.dueDate).sort()[0];
  if (kind === 'escalate') {
    const waitsOn = [...new Set(actions.flatMap((action) => action.item.waitsOn))];
    return [{ target: { kind: 'managerChannel' }, event: { kind: 'serviceLevelEscalation', recordId: record.id, stage: item.stage, dueDate, waitsOn } }];
  }
  if (record.type === 'deployment' && item.stage === 'visit-report') {
    const visitDates = actions.map((action) => action.item.item).sort();
    return [{ target: { kind: 'person', personId: record.supporterId }, event: { kind: 'visitReportOverdue', deploymentId: record.id, visitDates } }];
  }
  const targets = await targetsOf(ctx, record, item.waitsOn);
  return targets.map((target) => ({ target, event: { kind: 'serviceLevelNudge', recordId: record.id, stage: item.stage, dueDate } }));
}

async function targetsOf(ctx: ServiceContext, record: DueRecord, parties: PlanParty[]): Promise<NotificationTarget[]> {
  const targets: NotificationTarget[] = [];
  for (const party of parties) {
    if (party === 'alliance') targets.push({ kind: 'managerChannel' });
    else if (record.type === 'deployment' && party === 'supporter') targets.push({ kind: 'person', personId: record.supporterId });
    else if (party === 'school') {
      const requesterId = await requesterOf(ctx, record);
      if (requesterId) targets.push({ kind: 'person', personId: requesterId });
    }
  }
  return targets;
}

async function requesterOf(ctx: ServiceContext, record: DueRecord): Promise<string | undefined> {
  if (record.type === 'supportRequest') return record.requesterId;
  const request = await ctx.store.get<SupportRequest>(record.allianceId, (record as Deployment).requestId);
  return request?.requesterId;
}
