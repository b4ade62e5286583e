import type { IndexingPolicy } from '@azure/cosmos';

/**
 * Free text the bot never filters or sorts on: needs, outcomes, reports, evaluations, histories,
 * plans, card snapshots, channel addresses and stored digests. Leaving them out of the index makes every write of
 * those documents cheaper (Cosmos charges writes by the index terms they touch) and costs no query.
 */
const FREE_TEXT = [
  '/need/?', '/outcomes/?', '/ofstedContext/?', '/declineReason/?',
  '/activities/?', '/nextSteps/?', '/progress/*', '/overall/?', '/objectives/*', '/objectiveTexts/*',
  '/history/*', '/plan/*', '/candidates/*', '/address/*', '/managerChannel/*', '/event/*', '/people/*',
  '/digest/*', '/termCosted/*',
];

/**
 * Equality filters followed by a sort, as the bot queries them (type first: every query has it).
 * A composite index answers the filter and the order from the index, so Cosmos sorts nothing and
 * reads only the page it returns (TOP).
 */
const SORTED_QUERIES: Array<Array<[string, 'ascending' | 'descending']>> = [
  [['/type', 'ascending'], ['/schoolUrn', 'ascending'], ['/createdAt', 'descending']], // a head's requests
  [['/type', 'ascending'], ['/supporterId', 'ascending'], ['/createdAt', 'descending']], // a supporter's deployments
  [['/type', 'ascending'], ['/status', 'ascending'], ['/createdAt', 'descending']], // the manager's open requests
  [['/type', 'ascending'], ['/status', 'ascending'], ['/createdAt', 'ascending']], // outbox due, waiting requests
  [['/type', 'ascending'], ['/status', 'ascending'], ['/failedAt', 'descending']], // delivery problems
  [['/type', 'ascending'], ['/personId', 'ascending'], ['/updatedAt', 'descending']], // a person's conversation links
  [['/type', 'ascending'], ['/deploymentId', 'ascending'], ['/visitDate', 'ascending']], // a deployment's visit reports
];

/** The container's indexing policy: applied when the container is created (docs/deploy.md). */
export const INDEXING_POLICY: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [...FREE_TEXT.map((path) => ({ path })), { path: '/"_etag"/?' }],
  compositeIndexes: SORTED_QUERIES.map((index) => index.map(([path, order]) => ({ path, order }))),
};
