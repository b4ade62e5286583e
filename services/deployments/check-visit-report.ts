import type { Person } from '../domain/person.js';
import { reportCheckInputSchema, REPORT_CHECK_LABELS, type ReportCheckInput } from '../domain/visit-report-check.js';
import type { VisitReport } from '../domain/visit-report.js';
import { BotError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { notifyParties, requireParty } from './deployment-parties.js';

/**
 * The school's head on the deployment marks a visit report accurate, or says what needs correcting;
 * the supporter is told of a correction. The report keeps the answer and a history entry, written
 * with an etag check, so two heads answering at once record one answer.
 */
export async function checkVisitReport(ctx: ServiceContext, person: Person, reportId: string, input: ReportCheckInput): Promise<Stored<VisitReport>> {
  const report = await getRecord(ctx, person.allianceId, reportId, 'visitReport');
  const deployment = await getRecord(ctx, person.allianceId, report.deploymentId, 'deployment');
  requireParty(person, deployment, ['school'], 'Only the school\'s head on this deployment can confirm its visit reports.');
  if (report.confirmation) {
    throw new BotError('conflict', `This report was already marked ${REPORT_CHECK_LABELS[report.confirmation.check].toLowerCase()}.`);
  }
  const check = parseInput(reportCheckInputSchema, input);
  const at = ctx.clock.now().toISOString();
  const entry = { at, by: person.id, action: 'checked', to: check.check, ...(check.note ? { note: check.note } : {}) };
  if (check.check === 'needs-correction') {
    // Written first, sent only once the history entry below exists (see OutboxMessage.requires).
    await enqueueNotifications(ctx, report.allianceId, { recordId: report.id, historyIndex: report.history.length, by: person.id, to: check.check },
      notifyParties(deployment, ['supporter'], { kind: 'visitReportCorrection', deploymentId: deployment.id, reportId: report.id }));
  }
  const checked = await ctx.store.replace<VisitReport>({ ...report, confirmation: { ...check, by: person.id, at }, history: [...report.history, entry] }, report._etag);
  if (check.check === 'needs-correction') ctx.wakeOutbox?.();
  return checked;
}
