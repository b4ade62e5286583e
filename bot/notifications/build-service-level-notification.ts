import type { MessageCard } from '../../cards/message-card.js';
import type { Alliance } from '../../services/domain/alliance.js';
import { schoolId, type School } from '../../services/domain/school.js';
import { englandDate } from '../../services/clock.js';
import type { NotificationEvent } from '../../services/notifications/notification.js';
import type { ServiceContext } from '../../services/service-context.js';
import { dueItemsOf, type DueRecord } from '../../services/service-levels/due-items.js';
import { serviceLevelsOf } from '../../services/service-levels/settings.js';
import { buildEscalationCard, buildNudgeCard } from '../views/service-level-card.js';

type ServiceLevelEvent = Extract<NotificationEvent, { kind: 'serviceLevelNudge' | 'serviceLevelEscalation' }>;

/** A nudge or escalation, drawn from the record as it is now; undefined once the record is gone. */
export async function buildServiceLevelNotification(ctx: ServiceContext, allianceId: string, event: ServiceLevelEvent): Promise<MessageCard | undefined> {
  const record = await ctx.store.get<DueRecord>(allianceId, event.recordId);
  if (!record) return undefined;
  // Done since it was queued (answered, reported): nothing to nudge about any more.
  const levels = serviceLevelsOf(await ctx.store.get<Alliance>(allianceId, allianceId));
  if (!dueItemsOf(record, levels).some((item) => item.stage === event.stage)) return undefined;
  const school = (await ctx.store.get<School>(allianceId, schoolId(record.schoolUrn)))?.name;
  const input = { record, stage: event.stage, dueDate: event.dueDate, today: englandDate(ctx.clock.now()), ...(school ? { school } : {}) };
  return event.kind === 'serviceLevelNudge' ? buildNudgeCard(input) : buildEscalationCard({ ...input, waitsOn: event.waitsOn });
}
