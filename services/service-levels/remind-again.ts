import { englandDate } from '../clock.js';
import type { Alliance } from '../domain/alliance.js';
import type { PlanParty } from '../domain/deployment-plan.js';
import type { Person } from '../domain/person.js';
import { BotError, ForbiddenError, NotFoundError } from '../errors.js';
import { enqueueNotifications, outboxIdFor } from '../notifications/enqueue.js';
import type { ServiceContext } from '../service-context.js';
import { actionsOf } from './due-actions.js';
import { dueItemsOf } from './due-items.js';
import { notificationsFor } from './due-notifications.js';
import { isDueRecord } from './record-due.js';
import { reportedVisits } from './reported-visits.js';
import { serviceLevelsOf, STAGE_LABELS, type Stage } from './settings.js';
import type { DocumentBase } from '../store/document-store.js';

export interface Reminder {
  /** False when it was already sent today: a second press the same day sends nothing. */
  sent: boolean;
  reference: string;
  waitsOn: PlanParty[];
}

/**
 * A manager has whoever a slipping item waits on reminded again, now (the escalation card's "Remind
 * again"), with the same nudge the tick sends. At most once a day per item: the delivery key carries
 * England's date, so a second press, another manager or another instance the same day adds nothing.
 */
export async function remindAgain(ctx: ServiceContext, manager: Person, recordId: string, stage: Stage): Promise<Reminder> {
  if (manager.role !== 'manager' && manager.role !== 'admin') throw new ForbiddenError('Only the alliance manager can do that. Nothing was changed.');
  const record = await ctx.store.get<DocumentBase>(manager.allianceId, recordId);
  if (!record || !isDueRecord(record)) throw new NotFoundError('That request');
  const reference = record.type === 'supportRequest' ? record.reference : record.requestReference;
  const levels = serviceLevelsOf(await ctx.store.get<Alliance>(manager.allianceId, manager.allianceId));
  const items = dueItemsOf(record, levels, await reportedVisits(ctx, record)).filter((item) => item.stage === stage);
  if (!items.length) throw new BotError('conflict', `${reference} is no longer waiting for the ${STAGE_LABELS[stage]}.`);
  const waitsOn = [...new Set(items.flatMap((item) => item.waitsOn))];
  const cause = { key: `sla#${record.id}#${stage}#remind#${englandDate(ctx.clock.now())}` };
  if (await ctx.store.get(manager.allianceId, outboxIdFor(cause, 0))) return { sent: false, reference, waitsOn };
  const nudges = actionsOf(items).filter((action) => action.kind === 'nudge');
  await enqueueNotifications(ctx, manager.allianceId, cause, await notificationsFor(ctx, record, nudges));
  return { sent: true, reference, waitsOn };
}
