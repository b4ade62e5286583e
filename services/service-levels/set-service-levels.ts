import { z } from 'zod';
import type { Alliance } from '../domain/alliance.js';
import { requireAlliance } from '../directory/directory-store.js';
import { ConcurrencyError, ValidationError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import { withoutMeta, type Stored } from '../store/document-store.js';
import { dueFieldsOf } from './due-actions.js';
import { dueItemsOf, type DueRecord } from './due-items.js';
import { serviceLevelsOf, serviceLevelsSchema, STAGES, type Stage } from './settings.js';

const changeSchema = z.object({
  stage: z.enum(STAGES, `choose a stage: ${STAGES.join(', ')}`).optional(),
  days: serviceLevelsSchema.shape.escalateAfter.optional(),
  escalateAfter: serviceLevelsSchema.shape.escalateAfter.optional(),
  autoPass: serviceLevelsSchema.shape.autoPass.optional(),
}).refine((change) => (change.stage === undefined) === (change.days === undefined), { message: 'give a stage and its working days together', path: ['stage'] });

export type ServiceLevelChange = z.input<typeof changeSchema>;

/**
 * A manager changes the alliance's service levels. The alliance is etag-checked, and every open item
 * of the alliance gets its due dates again under the new levels, so a shorter limit is nudged on
 * time rather than at the date the old one set.
 */
export async function setServiceLevels(ctx: ServiceContext, allianceId: string, input: ServiceLevelChange): Promise<Stored<Alliance>> {
  const parsed = changeSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'serviceLevels', message: issue.message })));
  const change = parsed.data;
  const alliance = await requireAlliance(ctx.store, allianceId);
  const stored = alliance.serviceLevels ?? {};
  const days: Partial<Record<Stage, number>> = change.stage ? { ...stored.days, [change.stage]: change.days } : { ...stored.days };
  const updated = await ctx.store.replace<Alliance>({
    ...withoutMeta(alliance),
    serviceLevels: {
      ...stored,
      days,
      ...(change.escalateAfter !== undefined ? { escalateAfter: change.escalateAfter } : {}),
      ...(change.autoPass !== undefined ? { autoPass: change.autoPass } : {}),
    },
  }, alliance._etag);
  await redateOpenItems(ctx, updated);
  return updated;
}

/** Records with something due, found by their indexed due date, with their due fields recomputed. */
async function redateOpenItems(ctx: ServiceContext, alliance: Alliance): Promise<void> {
  const levels = serviceLevelsOf(alliance);
  for (const type of ['supportRequest', 'deployment'] as const) {
    for (const record of await ctx.store.query<DueRecord>(alliance.id, { type, where: [{ field: 'dueOn', op: 'gte', value: '0' }] })) {
      try {
        await ctx.store.replace<DueRecord>({ ...record, ...dueFieldsOf(dueItemsOf(record, levels), record.slaActed) }, record._etag);
      } catch (error) {
        // Changed meanwhile: that write dated it under the new levels already.
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
}
