import type { Alliance } from '../domain/alliance.js';
import type { ServiceContext } from '../service-context.js';
import { dueFieldsOf } from './due-actions.js';
import { dueItemsOf, type DueRecord } from './due-items.js';
import { serviceLevelsOf } from './settings.js';

/** Types whose records carry due dates. */
export function isDueRecord(record: { type: string }): record is DueRecord {
  return record.type === 'supportRequest' || record.type === 'deployment';
}

/**
 * The record with its due fields brought up to date under its alliance's service levels, as every
 * audited write stores it, so the tick finds it by date and never by reading the rest.
 */
export async function withDueFields<T extends { type: string; allianceId: string }>(ctx: ServiceContext, record: T): Promise<T> {
  if (!isDueRecord(record)) return record;
  const alliance = await ctx.store.get<Alliance>(record.allianceId, record.allianceId);
  return { ...record, ...dueFieldsOf(dueItemsOf(record, serviceLevelsOf(alliance)), record.slaActed) };
}
