import { parseFormSubmission, type RawValues } from '../../cards/form-definition.js';
import { createVisitReportForm } from '../../cards/forms/visit-report.js';
import { actions, button, card, text } from '../../cards/message-card.js';
import { completeDeployment } from '../../services/deployments/complete-deployment.js';
import { submitVisitReport } from '../../services/deployments/submit-visit-report.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { renderVisitReportCard } from '../views/visit-report-card.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';
import { loadDeploymentView, type DeploymentView } from './load-deployment-view.js';

function reportForm(ctx: FlowContext, view: DeploymentView) {
  return createVisitReportForm({ now: ctx.clock.now(), subject: view.subject, objectives: view.deployment.plan?.objectives.map((o) => o.objective) ?? [] });
}

/**
 * The visit-report form: for the deployment named, or the supporter's one deployment with visits
 * under way; with several, a button for each.
 */
export async function showVisitReportForm(ctx: FlowContext, person: Stored<Person>, deploymentId?: string): Promise<TurnResult> {
  if (!deploymentId) {
    const visiting = await ctx.store.query<Deployment>(person.allianceId, {
      type: 'deployment',
      where: [{ field: 'supporterId', op: 'eq', value: person.id }, { field: 'status', op: 'in', value: ['planned', 'active'] }],
      orderBy: [{ field: 'requestReference' }],
    });
    if (visiting.length === 0) return { replies: [textReply('You have no deployment with an agreed plan to report on. Reports open once the school, the alliance and you have confirmed the plan.')] };
    if (visiting.length > 1) {
      return { replies: [cardReply(card('Which deployment is the report for?', [
        text('Which deployment is the report for?'),
        actions(visiting.map((d) => button(ACTIONS.openVisitReport, d.requestReference, { deploymentId: d.id }))),
      ]))] };
    }
    deploymentId = visiting[0].id;
  }
  const view = await loadDeploymentView(ctx, person, deploymentId);
  if (view.deployment.supporterId !== person.id) return { replies: [textReply('Only the supporter on this deployment can report its visits.')] };
  return { replies: [{ kind: 'form', form: reportForm(ctx, view), data: { deploymentId } }] };
}

export async function handleVisitReportSubmit(ctx: FlowContext, person: Stored<Person>, values: RawValues, data: Record<string, unknown>): Promise<TurnResult> {
  const deploymentId = String(data.deploymentId ?? '');
  const view = await loadDeploymentView(ctx, person, deploymentId);
  const form = reportForm(ctx, view);
  const parsed = parseFormSubmission(form, values);
  if (!parsed.ok) return { replies: [], replaceSource: { kind: 'form', form, values, errors: parsed.problems, data: { deploymentId } } };
  const outcome = await submitVisitReport(ctx, person, deploymentId, parsed.value);
  if (!outcome.alreadyReceived) ctx.notificationsWritten();
  const note = outcome.alreadyReceived
    ? 'This visit was already reported; here is the report as received.'
    : outcome.deployment.status === 'completed'
      ? 'Thank you. All planned days are now reported, so the deployment is complete and the school is asked to evaluate it.'
      : 'Thank you. The school and the alliance manager have your report.';
  return { replies: [textReply(note)], replaceSource: cardReply(renderVisitReportCard(outcome.report, outcome.deployment, view.school, person.name)) };
}

/** The manager ends a deployment early (or the supporter once all days are reported). */
export async function completeFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const deployment = await completeDeployment(ctx, person, deploymentId);
  ctx.notificationsWritten();
  return { replies: [textReply(`${deployment.requestReference} is completed; the school is asked to evaluate it.`)] };
}
