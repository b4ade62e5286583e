import { createVisitReportForm, visitReportFormValues } from '../../cards/forms/visit-report.js';
import { actions, button, card, text } from '../../cards/message-card.js';
import { englandDate } from '../../services/clock.js';
import { completeDeployment } from '../../services/deployments/complete-deployment.js';
import { correctVisitReport, mayCorrect, requireCorrectable } from '../../services/deployments/correct-visit-report.js';
import { reportContext, submitVisitReport } from '../../services/deployments/submit-visit-report.js';
import { reportsFor } from '../../services/deployments/visit-reports.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import type { School } from '../../services/domain/school.js';
import { showDate } from '../../services/domain/show-date.js';
import type { VisitReport, VisitReportInput } from '../../services/domain/visit-report.js';
import { ForbiddenError, NotFoundError } from '../../services/errors.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord } from '../../services/store/get-record.js';
import { cardReply, textReply, type Reply, type TurnResult } from '../conversation/reply.js';
import { loadDeploymentView } from '../views/loaders/load-deployment-view.js';
import { buildVisitReportCard } from '../views/visit-report-card.js';
import { ACTIONS } from './action-ids.js';
import type { FlowContext } from './flow-context.js';
import { showForm, type FormCall, type FormEntry, type OpenedForm } from './form-entry.js';

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
        const canCorrect = mayCorrect(person, outcome.report, outcome.deployment);
        const note = outcome.alreadyReceived
          ? `This visit was already reported; here is the report as received.${canCorrect ? ' Press "Correct this report" to change it.' : ''}`
          : outcome.deployment.status === 'completed'
            ? ALL_DAYS_REPORTED
            : 'Thank you. The school and the alliance manager have your report.';
        return { replies: [textReply(note)], replaceSource: supporterReportCard(person, outcome.report, outcome.deployment, view.school) };
      },
    };
  },
};

const ALL_DAYS_REPORTED = 'Thank you. All planned days are now reported, so the deployment is complete and the school is asked to evaluate it.';

/** The supporter's own view of a report: with "Correct this report" while they may. */
function supporterReportCard(person: Stored<Person>, report: VisitReport, deployment: Deployment, school?: School): Reply {
  return cardReply(buildVisitReportCard(report, deployment, { school, supporterName: person.name, forManagers: false, canCorrect: mayCorrect(person, report, deployment) }));
}

/** The same form, filled in with the report as it stands, for its supporter to correct. */
export const visitReportCorrectionForm: FormEntry<VisitReportInput> = {
  // Any date will do to read and check the answers: the date is not asked, and the report's own is used.
  blank: (now) => createVisitReportForm({ now, correcting: englandDate(now) }),
  open: (ctx, person, { data }) => openCorrection(ctx, person, String(data.reportId ?? '')),
};

async function openCorrection(ctx: FlowContext, person: Stored<Person>, reportId: string): Promise<OpenedForm<VisitReportInput>> {
  const report = await findRecord(ctx, person.allianceId, reportId, 'visitReport');
  if (!report) throw new NotFoundError('That visit report');
  const view = await loadDeploymentView(ctx, person, report.deploymentId);
  requireCorrectable(person, report, view.deployment);
  return {
    form: createVisitReportForm({ now: ctx.clock.now(), subject: view.subject, objectives: report.objectives, correcting: report.visitDate }),
    values: visitReportFormValues(report),
    data: { reportId: report.id },
    async submit(input) {
      const outcome = await correctVisitReport(ctx, person, report.id, input);
      const note = !outcome.changed.length
        ? 'Nothing to change: the report already says this.'
        : outcome.deployment.status === 'completed' && view.deployment.status !== 'completed'
          ? `Corrected (${outcome.changed.join(', ')}). ${ALL_DAYS_REPORTED}`
          : `Thank you. The report is corrected (${outcome.changed.join(', ')}); the school and the alliance manager are told.`;
      return { replies: [textReply(note)], replaceSource: supporterReportCard(person, outcome.report, outcome.deployment, view.school) };
    },
  };
}

/**
 * "Correct a report" from my deployments: the one report the supporter may still correct, or a
 * button for each when there are several.
 */
export async function chooseCorrection(ctx: FlowContext, person: Stored<Person>, call: FormCall): Promise<TurnResult> {
  if (call.data.reportId) return showForm(visitReportCorrectionForm, ctx, person, call);
  const { deployment } = await loadDeploymentView(ctx, person, String(call.data.deploymentId ?? ''));
  const reports = await reportsFor(ctx, person.allianceId, deployment.id);
  if (reports.length === 0) return { replies: [textReply('No visit has been reported on this deployment yet.')] };
  const open = reports.filter((report) => mayCorrect(person, report, deployment));
  // None left: the refusal says why (not theirs, checked by the school, or the deployment is over).
  if (open.length === 0) requireCorrectable(person, reports.at(-1)!, deployment);
  if (open.length === 1) return showForm(visitReportCorrectionForm, ctx, person, { ...call, data: { reportId: open[0].id } });
  return { replies: [cardReply(card('Which report needs correcting?', [
    text('Which report needs correcting?'),
    // Teams shows six buttons at most: the latest visits, the likeliest to need it.
    actions(open.slice(-6).map((report) => button(ACTIONS.correctVisitReport, showDate(report.visitDate), { reportId: report.id }))),
  ]))] };
}

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
