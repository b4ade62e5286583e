import { writeAudited } from '../audited-write.js';
import { englandDate } from '../clock.js';
import type { PlanParty } from '../domain/deployment-plan.js';
import type { Person } from '../domain/person.js';
import { BotError } from '../errors.js';
import { matchedDeployment } from '../requests/matched-deployment.js';
import { requireManager } from '../requests/require-manager.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { findRecord, getRecord } from '../store/get-record.js';
import { actionsOf } from './due-actions.js';
import { notificationsFor } from './due-notifications.js';
import { reportedVisits } from './reported-visits.js';
import { serviceLevelsOf } from './settings.js';
import { waitingNow } from './waiting-now.js';

/** A manager reminds the same record at most this often, so people are not pestered. */
const REMIND_AGAIN_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The manager reminds whoever a request waits on now (the supporter, the school, or both), outside
 * the service-level tick's schedule: the same nudge card, with the button that does the step. The
 * reminder is in the record's history, and a second within a day is refused.
 */
export async function remindNow(ctx: ServiceContext, manager: Stored<Person>, requestId: string): Promise<{ reference: string; reminded: PlanParty[] }> {
  requireManager(manager, 'send a reminder');
  const request = await getRecord(ctx, manager.allianceId, requestId, 'supportRequest');
  const deployment = await matchedDeployment(ctx, request);
  const [alliance, reported] = await Promise.all([
    findRecord(ctx, manager.allianceId, manager.allianceId, 'alliance'),
    deployment ? reportedVisits(ctx, deployment) : Promise.resolve(new Set<string>()),
  ]);
  const now = ctx.clock.now();
  const waiting = waitingNow(request, deployment, serviceLevelsOf(alliance), reported, englandDate(now));
  if (!waiting.remindable.length) {
    throw new BotError('conflict', `${request.reference} is waiting on nobody but the alliance just now, so there is nobody to remind.`);
  }
  const last = waiting.record.history.filter((entry) => entry.action === 'reminded').at(-1);
  if (last && now.getTime() - Date.parse(last.at) < REMIND_AGAIN_AFTER_MS) {
    throw new BotError('conflict', `${request.reference} was reminded less than a day ago. Give them time, or contact them directly.`);
  }
  // The manager asked for this, so the manager channel is not nudged about its own part.
  const others = waiting.items
    .map((item) => ({ ...item, waitsOn: item.waitsOn.filter((party) => party !== 'alliance') }))
    .filter((item) => item.waitsOn.length > 0);
  const notify = await notificationsFor(ctx, waiting.record, actionsOf(others).filter((action) => action.kind === 'nudge'));
  await writeAudited(ctx, waiting.record, { by: manager.id, action: 'reminded', note: waiting.remindable.join(', '), notify });
  return { reference: request.reference, reminded: waiting.remindable };
}
