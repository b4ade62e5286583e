import { englandDate } from '../clock.js';
import type { ServiceContext } from '../service-context.js';
import { listDueItems } from '../service-levels/alliance-due.js';
import { describeDue } from '../service-levels/due-label.js';
import { STAGE_LABELS, STAGES } from '../service-levels/settings.js';
import type { WeeklyDigest } from './weekly-digest.js';

const SHOWN = 10;

/** The digest's "slipping" section: what is past due at `asOf`, counted by stage, oldest first. */
export async function slippingItems(ctx: ServiceContext, allianceId: string, asOf: Date): Promise<WeeklyDigest['slipping']> {
  const today = englandDate(asOf);
  const late = (await listDueItems(ctx, allianceId, today)).filter((item) => item.dueDate < today);
  const byStage = STAGES.map((stage) => ({ label: STAGE_LABELS[stage], count: late.filter((item) => item.stage === stage).length }))
    .filter((group) => group.count > 0);
  return {
    count: late.length,
    byStage,
    oldest: late.slice(0, SHOWN).map((item) => ({
      reference: item.reference,
      what: item.stage === 'visit-report' ? `${STAGE_LABELS[item.stage]} of ${item.item}` : STAGE_LABELS[item.stage],
      dueDate: item.dueDate,
      late: describeDue(item.dueDate, today),
    })),
  };
}
