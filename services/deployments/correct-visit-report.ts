import { englandDate } from '../clock.js';
import type { Deployment, DeploymentStatus } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import { visitReportInputSchema, type VisitReport, type VisitReportInput } from '../domain/visit-report.js';
import { BotError, ConcurrencyError, ForbiddenError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { loadDeployment, notifyParties, partyOf } from './deployment-parties.js';
import { settleDeliveredDays } from './settle-delivered-days.js';

/** While visits go on; afterwards days are billed and evaluated, and only the alliance manager can put a report right. */
const CORRECTABLE: readonly DeploymentStatus[] = ['planned', 'active'];

export interface CorrectionOutcome {
  report: Stored<VisitReport>;
  deployment: Stored<Deployment>;
  /** What the correction changed, as people name the fields; empty when it changed nothing (a double submit). */
  changed: string[];
}

/**
 * The supporter who wrote a visit report puts it right: until the school has marked it accurate
 * (a "needs correction" asks for exactly this, and the school checks the corrected report again),
 * and while the deployment is planned or active. The visit date is the report's identity and stays. The
 * report is replaced with an etag check and keeps a history entry naming the fields changed; the
 * school's heads and the manager channel are told; delivered days are counted again, so a correction
 * that brings them up to the plan completes the deployment as a final report would.
 */
export async function correctVisitReport(ctx: ServiceContext, supporter: Stored<Person>, reportId: string, input: VisitReportInput): Promise<CorrectionOutcome> {
  return correctOnce(ctx, supporter, reportId, input, true);
}

async function correctOnce(ctx: ServiceContext, supporter: Stored<Person>, reportId: string, input: VisitReportInput, mayRetry: boolean): Promise<CorrectionOutcome> {
  const report = await getRecord(ctx, supporter.allianceId, reportId, 'visitReport');
  const deployment = await loadDeployment(ctx, supporter.allianceId, report.deploymentId);
  requireCorrectable(supporter, report, deployment);
  const today = englandDate(ctx.clock.now());
  // The report's own objectives: a plan revised since does not change what this visit reported on.
  const fields = parseInput(visitReportInputSchema({ today, objectives: report.objectives.length }), { ...input, visitDate: report.visitDate });
  const changed = changedFields(report, fields);
  if (!changed.length) return { report, deployment, changed };

  const at = ctx.clock.now().toISOString();
  const entry = { at, by: supporter.id, action: 'corrected', note: `Changed ${changed.join(', ')}` };
  // Written first, sent only once the history entry below exists (see OutboxMessage.requires).
  await enqueueNotifications(ctx, report.allianceId, { recordId: report.id, historyIndex: report.history.length, by: supporter.id },
    notifyParties(deployment, ['school', 'alliance'], { kind: 'visitReportCorrected', deploymentId: deployment.id, reportId: report.id }));
  let corrected: Stored<VisitReport>;
  try {
    // A correction the school asked for goes back to the school to check again; its request stays in the history.
    const { confirmation: _answered, ...unchecked } = report;
    corrected = await ctx.store.replace<VisitReport>({ ...unchecked, ...fields, history: [...report.history, entry] }, report._etag);
  } catch (error) {
    // Someone wrote first (the school checking it, or this same correction sent twice): decide again on what is there now.
    if (error instanceof ConcurrencyError && mayRetry) return correctOnce(ctx, supporter, reportId, input, false);
    throw error;
  }
  ctx.wakeOutbox?.();
  return { report: corrected, deployment: await settleDeliveredDays(ctx, supporter, deployment), changed };
}

/** Whether this person may correct this report now: the one rule the service, the report card and "my work" share. */
export function mayCorrect(person: Person, report: VisitReport, deployment: Deployment): boolean {
  return correctionRefusal(person, report, deployment) === undefined;
}

/** The refusal, as the service would give it, when this person may not correct this report now. */
export function requireCorrectable(person: Person, report: VisitReport, deployment: Deployment): void {
  const refusal = correctionRefusal(person, report, deployment);
  if (refusal) throw refusal;
}

/** Why this person may not correct this report now, in the words they are told; undefined when they may. */
export function correctionRefusal(person: Person, report: VisitReport, deployment: Deployment): BotError | undefined {
  if (partyOf(person, deployment) !== 'supporter' || report.supporterId !== person.id) {
    return new ForbiddenError('Only the supporter who wrote this visit report can correct it.');
  }
  if (report.confirmation?.check === 'accurate') {
    return new BotError('conflict', 'The school has already marked this report accurate, so it can no longer be corrected here. Please ask the alliance manager to correct it.');
  }
  if (!CORRECTABLE.includes(deployment.status)) {
    return new BotError('conflict', `This deployment is ${deployment.status}, so its reports can no longer be corrected here. Please ask the alliance manager to correct it.`);
  }
  return undefined;
}

/** The fields a correction changes, named as the form names them; never their text, which the report itself keeps. */
function changedFields(report: VisitReport, fields: VisitReportInput): string[] {
  return [
    ...fields.progress.flatMap((p, i) => {
      const was = report.progress[i];
      return [
        ...(p.rag !== was?.rag ? [`the rating of objective ${i + 1}`] : []),
        ...(p.comment !== was?.comment ? [`the comment on objective ${i + 1}`] : []),
      ];
    }),
    ...(fields.activities !== report.activities ? ['what was done'] : []),
    ...(fields.nextSteps !== report.nextSteps ? ['next steps'] : []),
    ...(fields.daysUsed !== report.daysUsed ? [`days used (${report.daysUsed} to ${fields.daysUsed})`] : []),
  ];
}
