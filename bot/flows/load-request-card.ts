import type { MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId, type School } from '../../services/domain/school.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import type { ServiceContext } from '../../services/service-context.js';
import { renderRequestManagerCard } from '../views/request-manager-card.js';

/** The manager card for a request as it stands now, with the names and school it mentions. */
export async function loadRequestCard(ctx: ServiceContext, request: SupportRequest): Promise<MessageCard> {
  const { store } = ctx;
  const [school, requester, supporter] = await Promise.all([
    store.get<School>(request.allianceId, schoolId(request.schoolUrn)),
    store.get<Person>(request.allianceId, request.requesterId),
    request.matchedSupporterId ? store.get<Person>(request.allianceId, request.matchedSupporterId) : undefined,
  ]);
  const lastRef = [...request.history].reverse().find((h) => h.to === 'matching' && h.ref)?.ref;
  let lastDeclined: { deployment: Deployment; supporterName: string } | undefined;
  if (lastRef && request.status === 'matching') {
    const deployment = await store.get<Deployment>(request.allianceId, lastRef);
    const who = deployment ? await store.get<Person>(request.allianceId, deployment.supporterId) : undefined;
    if (deployment && who) lastDeclined = { deployment, supporterName: who.name };
  }
  return renderRequestManagerCard(request, {
    school,
    requesterName: requester?.name,
    supporterName: supporter?.name,
    lastDeclined,
  });
}
