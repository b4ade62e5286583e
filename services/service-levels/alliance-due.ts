import type { Alliance } from '../domain/alliance.js';
import type { Deployment } from '../domain/deployment.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import { dueItemsOf, type DueItem, type DueRecord } from './due-items.js';
import { reportedVisits } from './reported-visits.js';
import { serviceLevelsOf } from './settings.js';

export interface AllianceDueItem extends DueItem {
  recordType: DueRecord['type'];
  /** The request reference people know it by, e.g. S2S-2026-0042. */
  reference: string;
}

/**
 * An alliance's items due on or before `through` (YYYY-MM-DD), oldest due date first: what slips
 * (due before today) and what falls due soon. Reads the records whose earliest due date is that
 * early, through an index, and the visit reports of those under way; never the whole alliance.
 * For the manager workspace, the digest's "slipping" section and `s2s reminders`.
 */
export async function listDueItems(ctx: ServiceContext, allianceId: string, through: string): Promise<AllianceDueItem[]> {
  const levels = serviceLevelsOf(await ctx.store.get<Alliance>(allianceId, allianceId));
  const where = [{ field: 'dueOn', op: 'lte' as const, value: through }];
  const [requests, deployments] = await Promise.all([
    ctx.store.query<SupportRequest>(allianceId, { type: 'supportRequest', where }),
    ctx.store.query<Deployment>(allianceId, { type: 'deployment', where }),
  ]);
  const items: AllianceDueItem[] = [];
  for (const record of [...requests, ...deployments]) {
    const reference = record.type === 'supportRequest' ? record.reference : record.requestReference;
    for (const item of dueItemsOf(record, levels, await reportedVisits(ctx, record))) {
      if (item.dueDate <= through) items.push({ ...item, recordType: record.type, reference });
    }
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference));
}
