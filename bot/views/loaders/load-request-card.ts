import type { MessageCard } from '../../../cards/message-card.js';
import { schoolId } from '../../../services/domain/school.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { englandDate } from '../../../services/clock.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import { findRecord } from '../../../services/store/get-record.js';
import { buildRequestManagerCard } from '../request-manager-card.js';

/** The manager card for a request as it stands now, with the names and school it mentions. */
export async function loadRequestCard(ctx: ServiceContext, request: SupportRequest): Promise<MessageCard> {
  const [school, requester, supporter] = await Promise.all([
    findRecord(ctx, request.allianceId, schoolId(request.schoolUrn), 'school'),
    findRecord(ctx, request.allianceId, request.requesterId, 'person'),
    request.matchedSupporterId ? findRecord(ctx, request.allianceId, request.matchedSupporterId, 'person') : undefined,
  ]);
  const lastRef = [...request.history].reverse().find((h) => h.to === 'matching' && h.ref)?.ref;
  let lastDeclined: { deployment: Deployment; supporterName: string } | undefined;
  if (lastRef && request.status === 'matching') {
    const deployment = await findRecord(ctx, request.allianceId, lastRef, 'deployment');
    const who = deployment ? await findRecord(ctx, request.allianceId, deployment.supporterId, 'person') : undefined;
    if (deployment && who) lastDeclined = { deployment, supporterName: who.name };
  }
  // Who withdrew or closed it, for the card's last line.
  const ending = request.status === 'withdrawn' || request.status === 'closed' ? [...request.history].reverse().find((h) => h.to === request.status) : undefined;
  const endedBy = ending ? await findRecord(ctx, request.allianceId, ending.by, 'person') : undefined;
  return buildRequestManagerCard(request, {
    ...(ending ? { ended: { byName: endedBy?.name ?? 'someone no longer in the directory', at: ending.at, reason: ending.note ?? 'not given' } } : {}),
    school,
    requesterName: requester?.name,
    supporterName: supporter?.name,
    lastDeclined,
    today: englandDate(ctx.clock.now()),
  });
}
