import type { MessageCard } from '../../../cards/message-card.js';
import { schoolId } from '../../../services/domain/school.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { englandDate } from '../../../services/clock.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import { findRecord } from '../../../services/store/get-record.js';
import { buildRequestManagerCard, everyoneView } from '../request-manager-card.js';
import type { Person } from '../../../services/domain/person.js';
import type { ConversationLink } from '../../../services/identity/conversation-references.js';
import { ACTIONS } from '../../flows/action-ids.js';

/**
 * The manager card for a request as it stands now, with the names and school it mentions. `shared`:
 * it is posted where others see it too (the brokerage channel), so only the managers get its buttons
 * (in Teams, each manager's own view; see PersonalViews).
 */
export async function loadRequestCard(ctx: ServiceContext, request: SupportRequest, options: { shared: boolean }): Promise<MessageCard> {
  const card = await loadFullRequestCard(ctx, request);
  if (!options.shared) return card;
  return {
    ...card,
    personalViews: {
      everyone: everyoneView(card),
      teamsUserIds: await managersTeamsUserIds(ctx, request.allianceId),
      actionId: ACTIONS.refreshRequestCard,
      data: { requestId: request.id },
    },
  };
}

/** The Teams user ids of the alliance's managers, from the conversations they had with the bot. */
async function managersTeamsUserIds(ctx: ServiceContext, allianceId: string): Promise<string[]> {
  const managers = await ctx.store.query<Person>(allianceId, { type: 'person', where: [{ field: 'role', op: 'in', value: ['manager', 'admin'] }] });
  if (!managers.length) return [];
  const links = await ctx.store.query<ConversationLink>(allianceId, {
    type: 'conversationLink',
    where: [{ field: 'channel', op: 'eq', value: 'teams' }, { field: 'personId', op: 'in', value: managers.filter((m) => !m.erasedAt).map((m) => m.id) }],
  });
  const ids = links.map((link) => (link.address.user as { id?: unknown } | undefined)?.id).filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
}

async function loadFullRequestCard(ctx: ServiceContext, request: SupportRequest): Promise<MessageCard> {
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
