import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { DeploymentPlan } from '../domain/deployment-plan.js';
import { visitReportId, visitReportInputSchema, type ReportContext, type VisitReport, type VisitReportInput } from '../domain/visit-report.js';
import { BotError, DuplicateError } from '../errors.js';
import { findRecord } from '../store/get-record.js';
import { enqueueNotifications } from '../notifications/enqueue.js';
import { transitionRequest } from '../requests/transition-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty, loadRequestOf, notifyParties } from './deployment-parties.js';
import { parseInput } from '../parse-input.js';
import { updateDeployment } from './update-deployment.js';
import { settleDeliveredDays } from './settle-delivered-days.js';
import { englandDate } from '../clock.js';

export interface VisitReportOutcome {
  report: Stored<VisitReport>;
  deployment: Stored<Deployment>;
  /** True when this visit was already reported (a double click or a retry): nothing changed. */
  alreadyReceived: boolean;
}

/**
 * The supporter reports a visit. The first report makes the deployment (and request) active; the
 * report that brings delivered days up to the plan completes it.
 */
export async function submitVisitReport(
  ctx: ServiceContext,
  supporter: Stored<Person>,
  deploymentId: string,
  input: VisitReportInput,
): Promise<VisitReportOutcome> {
  let { deployment } = await loadAsParty(ctx, supporter, deploymentId, ['supporter'], 'Only the supporter on this deployment can report its visits.');
  const plan = deployment.plan;
  const id = plan ? visitReportId(deployment.id, String(input.visitDate)) : '';
  const existing = await findRecord(ctx, deployment.allianceId, id, 'visitReport');
  if (existing) return { report: existing, deployment, alreadyReceived: true };
  if ((deployment.status !== 'planned' && deployment.status !== 'active') || !plan) {
    throw new BotError('conflict', `Visits can be reported once the plan is agreed and until the deployment is completed; it is ${deployment.status}.`);
  }
  const fields = parseInput(visitReportInputSchema(reportContext(ctx, plan)), input);

  const request = await loadRequestOf(ctx, deployment);
  const at = ctx.clock.now().toISOString();
  await enqueueNotifications(ctx, deployment.allianceId, { recordId: id, historyIndex: 0, by: supporter.id, to: 'submitted' },
    notifyParties(deployment, ['school', 'alliance'], { kind: 'visitReportSubmitted', deploymentId, reportId: id }));
  let report: Stored<VisitReport>;
  try {
    report = await ctx.store.create<VisitReport>({
      ...fields,
      id, allianceId: deployment.allianceId, type: 'visitReport', deploymentId, requestId: deployment.requestId, supporterId: supporter.id,
      objectives: plan.objectives.map((o) => o.objective),
      submittedAt: at,
      history: [{ at, by: supporter.id, action: 'status', to: 'submitted' }],
    });
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const first = await findRecord(ctx, deployment.allianceId, id, 'visitReport');
    if (!first) throw error;
    return { report: first, deployment, alreadyReceived: true };
  }
  ctx.wakeOutbox?.();

  if (deployment.status === 'planned') {
    deployment = await updateDeployment(ctx, deployment, { by: supporter.id, action: 'status', to: 'active', ref: id });
    await transitionRequest(ctx, request, { to: 'active', by: supporter.id, ref: deploymentId });
  }
  return { report, deployment: await settleDeliveredDays(ctx, supporter, deployment), alreadyReceived: false };
}

/** What a report of this plan must fit today: the visit form checks the same before it is sent. */
export function reportContext(ctx: ServiceContext, plan: DeploymentPlan): ReportContext {
  return { today: englandDate(ctx.clock.now()), objectives: plan.objectives.length, firstVisit: plan.visitDates[0] };
}
