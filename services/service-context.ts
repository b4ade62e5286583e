import type { Clock } from './clock.js';
import type { SupportRequest } from './domain/support-request.js';
import type { DocumentStore, Stored } from './store/document-store.js';

/** What every domain service needs: the store and the time. Passed in, never imported. */
export interface ServiceContext {
  store: DocumentStore;
  clock: Clock;
  /**
   * Asks the outbox to deliver soon. The audited write calls it once its change is stored, so what it
   * announced goes out now rather than at the next poll; without it (CLI, tests) the poll finds it.
   */
  wakeOutbox?: () => void;
  /**
   * Brokers a stored request after the turn (BackgroundBroker), so a head's submission costs a few
   * writes and not the ranking; without it (CLI, tests) the request is brokered in the call.
   */
  brokerSoon?: (request: Stored<SupportRequest>) => void;
}
