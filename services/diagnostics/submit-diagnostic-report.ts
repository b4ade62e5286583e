import type { Deployment } from '../domain/deployment.js';
import { diagnosticReportId, diagnosticReportInputSchema, type DiagnosticReport, type DiagnosticReportInput } from '../domain/diagnostic.js';
import type { Person } from '../domain/person.js';
import { BotError, DuplicateError, ValidationError } from '../errors.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import { loadAsParty, loadRequestOf, notifyParties } from '../deployments/deployment-parties.js';
import { parseInput } from '../parse-input.js';
import { updateDeployment } from '../deployments/update-deployment.js';
import { englandDate } from '../clock.js';
import { transitionRequest } from '../requests/transition-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export interface DiagnosticReportOutcome {
  report: Stored<DiagnosticReport>;
  deployment: Stored<Deployment>;
  /** True when the diagnostic was already reported (a double click or a retry): nothing changed. */
  alreadyReceived: boolean;
}

/**
 * The leader reports the diagnostic visit they accepted. There is no plan: the report records the
 * days used (what the school is charged) and completes the diagnostic; the head and the manager
 * channel hear of it, with the way to raise the recommended support.
 */
export async function submitDiagnosticReport(
  ctx: ServiceContext,
  supporter: Stored<Person>,
  deploymentId: string,
  input: DiagnosticReportInput,
): Promise<DiagnosticReportOutcome> {
  const { deployment } = await loadAsParty(ctx, supporter, deploymentId, ['supporter'], 'Only the leader on this diagnostic can report it.');
  if (deployment.kind !== 'diagnostic') {
    throw new BotError('conflict', `${deployment.requestReference} is support, not a diagnostic: report its visits with a visit report.`);
  }
  const fields = parseInput(diagnosticReportInputSchema, input);
  const id = diagnosticReportId(deployment.id);
  const existing = await ctx.store.get<DiagnosticReport>(deployment.allianceId, id);
  if (existing) return { report: existing, deployment, alreadyReceived: true };
  if (deployment.status !== 'accepted') {
    throw new BotError('conflict', `A diagnostic can be reported once you have accepted it; ${deployment.requestReference} is ${deployment.status}.`);
  }
  if (fields.visitDate > englandDate(ctx.clock.now())) {
    throw new ValidationError([{ field: 'visitDate', message: 'a visit can be reported once it has happened' }]);
  }

  const request = await loadRequestOf(ctx, deployment);
  const at = ctx.clock.now().toISOString();
  await enqueueNotifications(ctx, deployment.allianceId, { recordId: id, historyIndex: 0, by: supporter.id, to: 'submitted' },
    notifyParties(deployment, ['school', 'alliance'], { kind: 'diagnosticReported', deploymentId, reportId: id }));
  let report: Stored<DiagnosticReport>;
  try {
    report = await ctx.store.create<DiagnosticReport>({
      ...fields,
      id, allianceId: deployment.allianceId, type: 'diagnosticReport',
      deploymentId, requestId: deployment.requestId, requestReference: deployment.requestReference,
      supporterId: supporter.id, schoolUrn: deployment.schoolUrn,
      submittedAt: at,
      history: [{ at, by: supporter.id, action: 'status', to: 'submitted' }],
    });
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const first = await ctx.store.get<DiagnosticReport>(deployment.allianceId, id);
    if (!first) throw error;
    return { report: first, deployment, alreadyReceived: true };
  }

  const completed = await updateDeployment(ctx, deployment, {
    by: supporter.id, action: 'status', to: 'completed', ref: id,
    // The days actually used are what the school is charged and what counts against the leader's year.
    changes: { daysCommitted: fields.daysUsed },
    note: `diagnostic reported: ${fields.daysUsed} day${fields.daysUsed === 1 ? '' : 's'}`,
  });
  await transitionRequest(ctx, request, { to: 'completed', by: supporter.id, ref: id });
  return { report, deployment: completed, alreadyReceived: false };
}
