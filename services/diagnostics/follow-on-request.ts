import type { DiagnosticReport } from '../domain/diagnostic.js';
import { type Person, isManager } from '../domain/person.js';
import { englandDate } from '../clock.js';
import { requestKind, supportRequestInputSchema, type SupportRequest, type SupportRequestInput } from '../domain/support-request.js';
import { parseInput } from '../parse-input.js';
import type { ChannelKind } from '../identity/channel-identity.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { storeRequest, type SubmitResult } from '../requests/submit-request.js';
import { transitionRequest } from '../requests/transition-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/** The support request a diagnostic report recommends, for the form to open with. */
export function followOnPrefill(report: DiagnosticReport, today: string): SupportRequestInput {
  return {
    specialisms: report.recommendedSpecialisms,
    phase: report.recommendedPhase,
    daysWanted: report.recommendedDays,
    need: `Following the diagnostic visit (${report.requestReference}, ${report.visitDate}). Priorities: ${report.priorities}`.slice(0, 2000),
    outcomes: `Progress on the priorities the diagnostic found: ${report.priorities}`.slice(0, 2000),
    preferredStart: today,
  };
}

export async function loadDiagnosticReport(ctx: ServiceContext, allianceId: string, reportId: string): Promise<Stored<DiagnosticReport>> {
  const report = await ctx.store.get<DiagnosticReport>(allianceId, reportId);
  if (!report || report.type !== 'diagnosticReport') throw new NotFoundError('That diagnostic report');
  return report;
}

/** Who may see a diagnostic report and raise its follow-on: the school's heads and the alliance's managers. */
export function canActOnDiagnostic(person: Person, report: DiagnosticReport): boolean {
  if (person.erasedAt || person.allianceId !== report.allianceId) return false;
  if (isManager(person)) return true;
  return person.role === 'head' && person.baseSchoolUrn === report.schoolUrn;
}

/**
 * The head, or a manager for the school, raises the support the diagnostic recommended. It is the
 * school's request (its head follows it) whoever raised it; the diagnostic request then closes.
 * A diagnostic has one follow-on: asking again returns it.
 */
export async function raiseFollowOnRequest(
  ctx: ServiceContext,
  person: Stored<Person>,
  reportId: string,
  input: SupportRequestInput,
  meta: { via: ChannelKind; submissionId: string },
): Promise<SubmitResult> {
  const report = await loadDiagnosticReport(ctx, person.allianceId, reportId);
  if (!canActOnDiagnostic(person, report)) {
    throw new ForbiddenError('Only the school\'s head or the alliance manager can raise the support a diagnostic recommends.');
  }
  if (report.followOnRequestId) {
    const earlier = await ctx.store.get<SupportRequest>(report.allianceId, report.followOnRequestId);
    if (earlier) return { request: earlier, alreadyReceived: true };
  }
  const diagnostic = await ctx.store.get<SupportRequest>(report.allianceId, report.requestId);
  if (!diagnostic || requestKind(diagnostic) !== 'diagnostic') throw new NotFoundError('The diagnostic request');

  const fields = parseInput(supportRequestInputSchema({ today: englandDate(ctx.clock.now()) }), input);
  const result = await storeRequest(
    ctx,
    { allianceId: report.allianceId, schoolUrn: report.schoolUrn, requesterId: diagnostic.requesterId, raisedBy: person.id },
    { ...fields, kind: 'support', followsDiagnosticReportId: report.id },
    meta,
  );
  if (result.alreadyReceived) return result;
  await ctx.store.replace<DiagnosticReport>({
    ...report,
    followOnRequestId: result.request.id,
    history: [...report.history, { at: ctx.clock.now().toISOString(), by: person.id, action: 'follow-on-requested', ref: result.request.id }],
  }, report._etag);
  if (diagnostic.status === 'completed') {
    await transitionRequest(ctx, diagnostic, { to: 'closed', by: person.id, ref: result.request.id, note: `support requested: ${result.request.reference}` });
  }
  return result;
}
