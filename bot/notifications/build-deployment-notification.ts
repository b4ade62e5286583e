import type { MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import { PLAN_PARTIES } from '../../services/domain/deployment-plan.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId, type School } from '../../services/domain/school.js';
import type { VisitReport } from '../../services/domain/visit-report.js';
import type { NotificationEvent, NotificationTarget } from '../../services/notifications/notification.js';
import { findRecord } from '../../services/store/get-record.js';
import { calendarUrlFor } from '../calendar/calendar-url-for.js';
import type { NotificationContext } from './build-notification.js';
import { correctionRefusal } from '../../services/deployments/correct-visit-report.js';
import { buildReportCorrectionCard, buildCompletedCard, buildEvaluatedCard, buildOverdueReminderCard, buildSchoolHeadNamedCard } from '../views/deployment-news-card.js';
import { buildMidTermDueCard, buildMidTermNotWorkingCard } from '../views/mid-term-card.js';
import { buildPlanCard } from '../views/plan-card.js';
import { buildVisitReportCard } from '../views/visit-report-card.js';

export type DeploymentEvent = Extract<NotificationEvent, { kind:
  'planSubmitted' | 'planConfirmed' | 'planAgreed' | 'planChangesRequested' | 'visitReportSubmitted' | 'visitReportOverdue' | 'deploymentCompleted' | 'deploymentEvaluated' | 'schoolHeadNamed' | 'midTermReviewDue' | 'midTermNotWorking' | 'visitReportCorrection' | 'visitReportCorrected' }>;

const PLAN_HEADLINES = {
  planSubmitted: 'A plan needs your confirmation',
  planAgreed: 'The plan is agreed',
  planChangesRequested: 'Changes were asked for in the plan',
} as const;

/** The post-match notifications, drawn from the deployment as it is now; undefined once it is gone. */
export async function buildDeploymentNotification(ctx: NotificationContext, allianceId: string, event: DeploymentEvent, target?: NotificationTarget): Promise<MessageCard | undefined> {
  const deployment = await ctx.store.get<Deployment>(allianceId, event.deploymentId);
  if (!deployment) return undefined;
  const school = await ctx.store.get<School>(allianceId, schoolId(deployment.schoolUrn));
  const supporter = await ctx.store.get<Person>(allianceId, deployment.supporterId);
  const supporterName = supporter && !supporter.erasedAt ? supporter.name : undefined;
  switch (event.kind) {
    case 'planSubmitted':
    case 'planConfirmed':
    case 'planAgreed':
    case 'planChangesRequested': {
      const calendarUrl = target?.kind === 'person' ? calendarUrlFor(ctx.calendarUrl, deployment, target.personId) : undefined;
      return buildPlanCard(deployment, school, { headline: `${planHeadline(event.kind, deployment)}: ${deployment.requestReference}`, ...(calendarUrl ? { calendarUrl } : {}) });
    }
    case 'visitReportSubmitted':
    case 'visitReportCorrected': {
      const report = await ctx.store.get<VisitReport>(allianceId, event.reportId);
      const forSchool = target?.kind === 'person' && deployment.schoolHeadIds.includes(target.personId);
      if (!report) return undefined;
      const reportCard = buildVisitReportCard(report, deployment, { school, supporterName, forManagers: target?.kind === 'managerChannel', forSchool });
      // A correction comes as a new message (no key), so the school notices it rather than finding an earlier card edited.
      return event.kind === 'visitReportCorrected' ? { summary: `Corrected: ${reportCard.summary}`, elements: reportCard.elements } : reportCard;
    }
    case 'visitReportCorrection': {
      const report = await ctx.store.get<VisitReport>(allianceId, event.reportId);
      if (!report) return undefined;
      // The way to correct it only while the supporter still may; otherwise why not, as the service says it.
      const refusal = supporter ? correctionRefusal(supporter, report, deployment) : undefined;
      return buildReportCorrectionCard(report, deployment, school, refusal ? { refusal: refusal.message } : {});
    }
    case 'visitReportOverdue':
      return buildOverdueReminderCard(deployment, event.visitDates, school);
    case 'deploymentCompleted': {
      const completion = [...deployment.history].reverse().find((entry) => entry.to === 'completed');
      const completedBy = completion ? await findRecord(ctx, allianceId, completion.by, 'person') : undefined;
      // Only the school's head on the deployment is offered the evaluation; the supporter and the channel just hear the news.
      const forSchool = target?.kind === 'person' && deployment.schoolHeadIds.includes(target.personId);
      return buildCompletedCard(deployment, school, { supporterName, completedByName: completedBy?.name, note: completion?.note, evaluate: forSchool });
    }
    case 'deploymentEvaluated':
      return buildEvaluatedCard(deployment, school);
    case 'schoolHeadNamed':
      return buildSchoolHeadNamedCard(deployment, school);
    case 'midTermReviewDue':
      return buildMidTermDueCard(deployment, school);
    case 'midTermNotWorking':
      return buildMidTermNotWorkingCard(deployment, event.party, school);
  }
}

function planHeadline(kind: keyof typeof PLAN_HEADLINES | 'planConfirmed', deployment: Deployment): string {
  if (kind !== 'planConfirmed') return PLAN_HEADLINES[kind];
  const count = PLAN_PARTIES.filter((party) => deployment.plan?.confirmations[party]).length;
  return `The plan was confirmed by ${count} of ${PLAN_PARTIES.length} parties`;
}
