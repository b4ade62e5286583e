import { card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId, type School } from '../../services/domain/school.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import type { NotificationEvent, NotificationTarget } from '../../services/notifications/notification.js';
import type { ServiceContext } from '../../services/service-context.js';
import type { CalendarUrl } from '../calendar/calendar-links.js';
import { weeklyDigestOnce } from '../../services/digest/digest-once.js';
import { loadRequestCard } from '../views/loaders/load-request-card.js';
import { buildDiagnosticReportCard } from '../views/diagnostic-report-card.js';
import { buildDigestCard } from '../views/digest-card.js';
import { leavingImpact } from '../../services/membership/leaving-impact.js';
import { buildMembershipAnswerCard, buildMembershipCard } from '../views/membership-card.js';
import { findRecord } from '../../services/store/get-record.js';
import { buildProposalCard } from '../views/proposal-card.js';
import { buildRequestNewsCard } from '../views/request-news-card.js';
import { buildRequestCourseCard } from '../views/request-course-card.js';
import { buildDeploymentNotification } from './build-deployment-notification.js';
import { buildPassNotification } from './build-pass-notification.js';
import { buildServiceLevelNotification } from './build-service-level-notification.js';

/**
 * The card for a notification, drawn from the records as they are now (so a late delivery never
 * shows stale buttons). Undefined when the records it speaks of are gone.
 */
/** What drawing a notification needs: the services' context, and the signed calendar addresses. */
export interface NotificationContext extends ServiceContext {
  calendarUrl?: CalendarUrl;
}

export async function buildNotification(ctx: NotificationContext, allianceId: string, event: NotificationEvent, target?: NotificationTarget): Promise<MessageCard | undefined> {
  const { store } = ctx;
  switch (event.kind) {
    case 'requestForManagers':
    case 'requestCardUpdate': {
      const request = await store.get<SupportRequest>(allianceId, event.requestId);
      return request ? loadRequestCard(ctx, request, { shared: true }) : undefined;
    }
    case 'requestMatched':
    case 'requestDecided': {
      const request = await store.get<SupportRequest>(allianceId, event.requestId);
      if (!request) return undefined;
      const supporter = request.matchedSupporterId ? await store.get<Person>(allianceId, request.matchedSupporterId) : undefined;
      return buildRequestNewsCard(request, supporter?.name);
    }
    case 'requestClosed':
    case 'requestReopened': {
      const request = await findRecord(ctx, allianceId, event.requestId, 'supportRequest');
      const change = request ? [...request.history].reverse().find((entry) => entry.action === 'status') : undefined;
      if (!request || !change) return undefined;
      const by = await findRecord(ctx, allianceId, change.by, 'person');
      return buildRequestCourseCard(request, { byName: by?.name ?? 'the alliance', forManagers: target?.kind === 'managerChannel' });
    }
    case 'deploymentProposed': {
      const deployment = await store.get<Deployment>(allianceId, event.deploymentId);
      const request = deployment ? await store.get<SupportRequest>(allianceId, deployment.requestId) : undefined;
      if (!deployment || !request) return undefined;
      const school = await store.get<School>(allianceId, schoolId(request.schoolUrn));
      return buildProposalCard(deployment, request, school);
    }
    case 'proposalAnswered': {
      const deployment = await store.get<Deployment>(allianceId, event.deploymentId);
      const supporter = deployment ? await store.get<Person>(allianceId, deployment.supporterId) : undefined;
      if (!deployment || !supporter) return undefined;
      const line = deployment.status === 'declined'
        ? `${supporter.name} declined ${deployment.requestReference}: ${deployment.declineReason ?? 'no reason given'}. The request is back in matching with new candidates.`
        : `${supporter.name} accepted ${deployment.requestReference}.`;
      return card(line, [heading(`Proposal ${deployment.status}: ${deployment.requestReference}`), text(line)]);
    }
    case 'proposalWithdrawn':
    case 'proposalPassed':
      return buildPassNotification(ctx, allianceId, event);
    case 'planSubmitted':
    case 'planConfirmed':
    case 'planAgreed':
    case 'planChangesRequested':
    case 'visitReportSubmitted':
    case 'visitReportOverdue':
    case 'deploymentCompleted':
    case 'deploymentEvaluated':
    case 'schoolHeadNamed':
    case 'midTermReviewDue':
    case 'midTermNotWorking':
    case 'visitReportCorrection':
    case 'visitReportCorrected':
      return buildDeploymentNotification(ctx, allianceId, event, target);
    case 'diagnosticReported': {
      const report = await findRecord(ctx, allianceId, event.reportId, 'diagnosticReport');
      if (!report) return undefined;
      const [school, leader] = await Promise.all([findRecord(ctx, allianceId, schoolId(report.schoolUrn), 'school'), findRecord(ctx, allianceId, report.supporterId, 'person')]);
      return buildDiagnosticReportCard(report, school, leader && !leader.erasedAt ? leader.name : undefined);
    }
    case 'membershipForManagers':
    case 'membershipCardUpdate': {
      const request = await findRecord(ctx, allianceId, event.membershipRequestId, 'membershipRequest');
      if (!request) return undefined;
      const leaving = request.action === 'leave' && request.status === 'pending';
      return buildMembershipCard(request, leaving ? await leavingImpact(ctx, allianceId, request.school.urn) : undefined);
    }
    case 'membershipDecided': {
      const [request, alliance] = await Promise.all([findRecord(ctx, allianceId, event.membershipRequestId, 'membershipRequest'), findRecord(ctx, allianceId, allianceId, 'alliance')]);
      return request && alliance ? buildMembershipAnswerCard(request, alliance.name) : undefined;
    }
    case 'serviceLevelNudge':
    case 'serviceLevelEscalation':
      return buildServiceLevelNotification(ctx, allianceId, event);
    case 'weeklyDigest':
      return buildDigestCard(await weeklyDigestOnce(ctx, event.allianceId, event.week));
    default:
      return undefined;
  }
}
