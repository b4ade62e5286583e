import type { Logger } from '../../services/logger.js';
import type { ServiceContext } from '../../services/service-context.js';
import type { CalendarUrl } from '../calendar/calendar-links.js';

/** What flows need: the services' context (whose writes wake the outbox) and a logger. */
export interface FlowContext extends ServiceContext {
  logger: Logger;
  /** Conversation links this process already saved, so a chat costs one write, not one per turn. */
  savedConversations: Set<string>;
  /** Public base URL of the web workspace, for sign-in links sent in chat. */
  workspaceUrl?: string;
  /** Signed visit-calendar addresses, for the "add to calendar" line of an agreed plan. */
  calendarUrl?: CalendarUrl;
}
