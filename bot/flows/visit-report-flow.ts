import { createVisitReportForm } from '../../cards/forms/visit-report.js';
import { actions, button, card, text } from '../../cards/message-card.js';
import { completeDeployment } from '../../services/deployments/complete-deployment.js';
import { reportContext, submitVisitReport } from '../../services/deployments/submit-visit-report.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import type { VisitReportInput } from '../../services/domain/visit-report.js';
import { ForbiddenError } from '../../services/errors.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
import { buildVisitReportCard } from '../views/visit-report-card.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';
import { showForm, type FormEntry } from './form-entry.js';

/** The supporter's report of one visit, one progress group per plan objective. */
export const visitReportForm: FormEntry<VisitReportInput> = {
  blank: (now) => createVisitReportForm({ now }),
  async open(ctx, person, { data }) {
    const view = await loadDeploymentView(ctx, person, String(data.deploymentId ?? ''));
    const { deployment } = view;
    if (deployment.supporterId !== person.id) throw new ForbiddenError('Only the supporter on this deployment can report its visits.');
    const plan = deployment.plan;
    return {
      form: createVisitReportForm({
        now: ctx.clock.now(), subject: view.subject, objectives: plan?.objectives.map((o) => o.objective) ?? [],
        ...(plan ? { firstVisit: reportContext(ctx, plan).firstVisit } : {}),
      }),
      data: { deploymentId: deployment.id },
      async submit(report) {
        const outcome = await submitVisitReport(ctx, person, deployment.id, report);
        const note = outcome.alreadyReceived
          ? 'This visit was already reported; here is the report as received.'
          : outcome.deployment.status === 'completed'
            ? 'Thank you. All planned days are now reported, so the deployment is complete and the school is asked to evaluate it.'
            : 'Thank you. The school and the alliance manager have your report.';
        return { replies: [textReply(note)], replaceSource: cardReply(buildVisitReportCard(outcome.report, outcome.deployment, { school: view.school, supporterName: person.name, forManagers: false })) };
      },
    };
  },
};

/**
 * The visit-report form for the supporter's one deployment with visits under way; with several, a
 * button for each.
 */
export async function chooseVisitReport(ctx: FlowContext, person: Stored<Person>, channel: ChannelKind): Promise<TurnResult> {
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
  return showForm(visitReportForm, ctx, person, { data: { deploymentId: visiting[0].id }, channel });
}

/** The manager ends a deployment early (or the supporter once all days are reported). */
export async function completeFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const deployment = await completeDeployment(ctx, person, deploymentId);
  return { replies: [textReply(`${deployment.requestReference} is completed; the school is asked to evaluate it.`)] };
}
