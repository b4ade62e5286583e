import type { MessageCard } from '../../cards/message-card.js';
import type { NotificationEvent } from '../../services/notifications/notification.js';
import type { ServiceContext } from '../../services/service-context.js';
import { schoolId } from '../../services/domain/school.js';
import { findRecord } from '../../services/store/get-record.js';
import { buildProposalPassedCard, buildProposalWithdrawnCard } from '../views/proposal-pass-card.js';

type PassEvent = Extract<NotificationEvent, { kind: 'proposalWithdrawn' | 'proposalPassed' }>;

/** A withdrawn proposal, for its supporter or (passed on by the service levels) the manager channel. */
export async function buildPassNotification(ctx: ServiceContext, allianceId: string, event: PassEvent): Promise<MessageCard | undefined> {
  const withdrawn = await findRecord(ctx, allianceId, event.deploymentId, 'deployment');
  if (!withdrawn || withdrawn.status !== 'cancelled') return undefined;
  if (event.kind === 'proposalWithdrawn') {
    const school = await findRecord(ctx, allianceId, schoolId(withdrawn.schoolUrn), 'school');
    return buildProposalWithdrawnCard(withdrawn, school?.name);
  }
  const request = await findRecord(ctx, allianceId, withdrawn.requestId, 'supportRequest');
  if (!request) return undefined;
  const nameOf = async (id?: string) => {
    const person = id ? await findRecord(ctx, allianceId, id, 'person') : undefined;
    return person && !person.erasedAt ? person.name : undefined;
  };
  const [from, to] = await Promise.all([nameOf(withdrawn.supporterId), nameOf(request.matchedSupporterId)]);
  return buildProposalPassedCard(withdrawn, request, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
}
