import type { Logger } from '../../services/logger.js';
import type { ServiceContext } from '../../services/service-context.js';

/** What flows need: the services' context, a logger, and a nudge for the outbox after writes. */
export interface FlowContext extends ServiceContext {
  logger: Logger;
  /** Called after a turn wrote notifications, so they go out now rather than at the next poll. */
  notificationsWritten(): void;
  /** Conversation links this process already saved, so a chat costs one write, not one per turn. */
  savedConversations: Set<string>;
}
