import type { MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId, type School } from '../../services/domain/school.js';
import type { VisitReport } from '../../services/domain/visit-report.js';
import type { NotificationEvent } from '../../services/notifications/notification.js';
import type { ServiceContext } from '../../services/service-context.js';
import { renderCompletedCard, renderEvaluatedCard, renderOverdueReminderCard } from '../views/deployment-news-card.js';
import { renderPlanCard } from '../views/plan-card.js';
import { renderVisitReportCard } from '../views/visit-report-card.js';

export type DeploymentEvent = Extract<NotificationEvent, { kind:
  'planSubmitted' | 'planConfirmed' | 'planAgreed' | 'planChangesRequested' | 'visitReportSubmitted' | 'visitReportOverdue' | 'deploymentCompleted' | 'deploymentEvaluated' }>;

const PLAN_HEADLINES = {
  planSubmitted: 'A plan needs your confirmation',
  planConfirmed: 'The plan was confirmed by one party',
  planAgreed: 'The plan is agreed',
  planChangesRequested: 'Changes were asked for in the plan',
} as const;

/** The post-match notifications, drawn from the deployment as it is now; undefined once it is gone. */
export async function renderDeploymentNotification(ctx: ServiceContext, allianceId: string, event: DeploymentEvent): Promise<MessageCard | undefined> {
  const deployment = await ctx.store.get<Deployment>(allianceId, event.deploymentId);
  if (!deployment) return undefined;
  const school = await ctx.store.get<School>(allianceId, schoolId(deployment.schoolUrn));
  const supporter = await ctx.store.get<Person>(allianceId, deployment.supporterId);
  const supporterName = supporter && !supporter.erasedAt ? supporter.name : undefined;
  switch (event.kind) {
    case 'planSubmitted':
    case 'planConfirmed':
    case 'planAgreed':
    case 'planChangesRequested':
      return renderPlanCard(deployment, school, `${PLAN_HEADLINES[event.kind]}: ${deployment.requestReference}`);
    case 'visitReportSubmitted': {
      const report = await ctx.store.get<VisitReport>(allianceId, event.reportId);
      return report ? renderVisitReportCard(report, deployment, school, supporterName) : undefined;
    }
    case 'visitReportOverdue':
      return renderOverdueReminderCard(deployment, event.visitDates, school);
    case 'deploymentCompleted':
      return renderCompletedCard(deployment, school, supporterName);
    case 'deploymentEvaluated':
      return renderEvaluatedCard(deployment, school);
  }
}
