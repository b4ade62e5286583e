import { showDate } from '../../services/domain/show-date.js';
import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { REQUEST_PROGRESS } from '../../services/requests/request-progress.js';
import { ACTIONS } from '../flows/action-ids.js';

export interface CourseCardContext {
  /** Who withdrew, closed or reopened it. */
  byName: string;
  /** Managers get Reopen on a closed request; everyone else the way to their own work. */
  forManagers: boolean;
}

/**
 * A request withdrawn, closed or reopened, from its latest status change: who did it, when and why,
 * and what happens next. Told to everyone concerned and shown to whoever did it.
 */
export function buildRequestCourseCard(request: SupportRequest, context: CourseCardContext): MessageCard {
  const change = [...request.history].reverse().find((entry) => entry.action === 'status');
  const when = change ? ` on ${showDate(change.at.slice(0, 10))}` : '';
  const ended = request.status === 'withdrawn' || request.status === 'closed';
  const line = ended
    ? `${request.reference} was ${request.status} by ${context.byName}${when}. Reason: ${change?.note ?? 'not given'}`
    : `${request.reference} was reopened by ${context.byName}${when}. Next: ${REQUEST_PROGRESS[request.status].next.toLowerCase()}.`;
  const delivered = change?.from === 'completed' || change?.from === 'evaluated';
  const released = ended && request.matchedSupporterId && !delivered ? ' The supporter is released and visits not yet made are cancelled.' : '';
  const next = context.forManagers && request.status === 'closed'
    ? button(ACTIONS.reopenRequest, 'Reopen', { requestId: request.id })
    : button(ACTIONS.myRequests, 'My requests', {});
  const later = context.forManagers && request.status === 'closed' ? [text(`To reopen it later, press Reopen or say "reopen ${request.reference}".`, { muted: true })] : [];
  return card(line, [heading(`${request.reference}: ${REQUEST_PROGRESS[request.status].label}`), text(`${line}${released}`), ...later, actions([next])]);
}
