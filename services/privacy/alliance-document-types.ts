/**
 * Every kind of document an alliance's partition holds. Erasure and export read each kind in the
 * person's alliance and look for traces of the person, so a copy in a kind nobody thought of
 * (a card posted to a channel, a queued message) is still found. A test fails when a document type
 * is declared that this list does not hold: add it here, or say why it cannot hold personal data.
 */
export const ALLIANCE_DOCUMENT_TYPES = [
  'alliance', 'school', 'person', 'supportRequest', 'deployment', 'visitReport', 'evaluation',
  'outbox', 'postedCard', 'audit', 'conversationLink', 'counter', 'digestLease', 'weeklyDigest',
  'diagnosticReport', 'directContact', 'membershipRequest', 'allianceChoice', 'signInLink', 'directoryVersion',
] as const;

/** Kept outside every alliance and holding ids only (hashed channel ids → person ids); erasure unindexes them. */
export const ID_ONLY_DOCUMENT_TYPES = ['channelIdentity', 'identityIndexBuilt'] as const;
