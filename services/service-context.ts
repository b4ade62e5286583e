import type { Clock } from './clock.js';
import type { DocumentStore } from './store/document-store.js';

/** What every domain service needs: the store and the time. Passed in, never imported. */
export interface ServiceContext {
  store: DocumentStore;
  clock: Clock;
}
