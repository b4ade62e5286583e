import { DateTime } from 'luxon';
import type { Alliance } from '../domain/alliance.js';
import { englandDate } from '../clock.js';
import { isWorkingDay } from '../deployments/working-days.js';
import { BotError, ConcurrencyError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import { AUTO_PASS, passProposal } from '../requests/pass-proposal.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { actionsOf, dueFieldsOf, type DueAction } from './due-actions.js';
import { dueItemsOf, type DueRecord } from './due-items.js';
import { notificationsFor } from './due-notifications.js';
import { reportedVisits } from './reported-visits.js';
import { serviceLevelsOf, type ServiceLevels } from './settings.js';

/** Records acted on per type and tick; the rest wait for the next hour. */
const BATCH = 200;
/** Nudges go out in the school office's day, UK time. */
const FIRST_HOUR = 8;
const LAST_HOUR = 17;

export interface ServiceLevelTick {
  /** Records read because something of theirs fell due. */
  looked: number;
  nudges: number;
  escalations: number;
  /** Unanswered proposals passed to the next candidate (auto-pass), instead of escalated. */
  passes: number;
  errors: Array<{ recordId: string; error: unknown }>;
}

/**
 * Nudges and escalates what has fallen due, reading only the records whose `checkOn` day has come
 * (one indexed query per type across alliances). Each action's outbox id derives from its dated key
 * and the record remembers the actions taken, so no restart or second instance sends one twice.
 * Nothing happens on weekends, bank holidays or outside working hours.
 */
export async function runServiceLevelTick(ctx: ServiceContext, now: Date = ctx.clock.now()): Promise<ServiceLevelTick> {
  const tick: ServiceLevelTick = { looked: 0, nudges: 0, escalations: 0, passes: 0, errors: [] };
  const today = englandDate(now);
  const hour = DateTime.fromJSDate(now, { zone: 'Europe/London' }).hour;
  if (!isWorkingDay(today) || hour < FIRST_HOUR || hour > LAST_HOUR) return tick;
  const levels = new Map<string, ServiceLevels>();
  for (const type of ['supportRequest', 'deployment'] as const) {
    const due = await ctx.store.queryAllAlliances<DueRecord>({
      type, where: [{ field: 'checkOn', op: 'lte', value: today }], orderBy: [{ field: 'checkOn' }], limit: BATCH,
    });
    for (const record of due) {
      tick.looked += 1;
      try {
        const taken = await actOn(ctx, record, today, levels);
        if (taken === 'passed') tick.passes += 1;
        else {
          tick.nudges += taken.filter((action) => action.kind === 'nudge').length;
          tick.escalations += taken.filter((action) => action.kind === 'escalate').length;
        }
      } catch (error) {
        tick.errors.push({ recordId: record.id, error });
      }
    }
  }
  return tick;
}

/**
 * Sends what is due for one record and stores the actions taken; returns one action per notification
 * group, or 'passed' when an unanswered proposal was passed on instead of escalated.
 */
async function actOn(ctx: ServiceContext, first: Stored<DueRecord>, today: string, cache: Map<string, ServiceLevels>): Promise<DueAction[] | 'passed'> {
  const levels = cache.get(first.allianceId)
    ?? cache.set(first.allianceId, serviceLevelsOf(await ctx.store.get<Alliance>(first.allianceId, first.allianceId))).get(first.allianceId)!;
  let record: Stored<DueRecord> | undefined = first;
  // A user's write may land between the read and ours: re-read and judge again (the outbox ids dedupe).
  for (let attempt = 0; record && attempt < 3; attempt++) {
    const items = dueItemsOf(record, levels, await reportedVisits(ctx, record));
    const acted = record.slaActed ?? [];
    const due = actionsOf(items).filter((action) => action.on <= today && !acted.includes(action.key));
    if (levels.autoPass && record.type === 'deployment' && due.some((action) => action.kind === 'escalate' && action.item.stage === 'answer')) {
      try {
        await passProposal(ctx, record.allianceId, record.id, { by: AUTO_PASS, then: 'next-candidate', why: unansweredWhy(levels), tellManagers: true });
        return 'passed';
      } catch (error) {
        // Answered or passed on meanwhile (here or by another instance): judge the record as it is now.
        if (!(error instanceof BotError && error.code === 'conflict')) throw error;
        record = await ctx.store.get<DueRecord>(first.allianceId, first.id);
        continue;
      }
    }
    const groups = new Map<string, DueAction[]>();
    for (const action of due) groups.set(`${action.kind}#${action.item.stage}`, [...(groups.get(`${action.kind}#${action.item.stage}`) ?? []), action]);
    for (const actions of groups.values()) {
      await enqueueNotifications(ctx, record.allianceId, { key: actions.map((action) => action.key).join('|') }, await notificationsFor(ctx, record, actions));
    }
    try {
      await ctx.store.replace<DueRecord>({ ...record, ...dueFieldsOf(items, [...acted, ...due.map((action) => action.key)]) }, record._etag);
      return [...groups.values()].map((actions) => actions[0]);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      record = await ctx.store.get<DueRecord>(first.allianceId, first.id);
    }
  }
  return [];
}

/** Why auto-pass withdrew a proposal: it waited the answer's working days, the nudge's day and the escalation's. */
function unansweredWhy(levels: ServiceLevels): string {
  return `not answered within ${levels.days.answer + 1 + levels.escalateAfter} working days, after a reminder`;
}
