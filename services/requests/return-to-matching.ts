import type { SupportRequest } from '../domain/support-request.js';
import type { Notification } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { proposeCandidates } from './propose-candidates.js';
import { transitionRequest } from './transition-request.js';

export interface EndedProposal {
  by: string;
  /** The deployment whose proposal ended, and its supporter, who is not proposed again. */
  deploymentId: string;
  supporterId: string;
  /** Why, for the history. */
  note?: string;
  notify: Notification[];
}

/**
 * A request whose proposal ended (the supporter declined, or it was withdrawn) goes back to
 * matching, with that supporter left out and fresh candidates on the manager's card.
 */
export async function returnToMatching(ctx: ServiceContext, request: Stored<SupportRequest>, ended: EndedProposal): Promise<Stored<SupportRequest>> {
  const excludedCandidateIds = [...new Set([...request.excludedCandidateIds, ended.supporterId])];
  const candidates = await proposeCandidates(ctx, { ...request, excludedCandidateIds });
  return transitionRequest(ctx, request, {
    to: 'matching',
    by: ended.by,
    ref: ended.deploymentId,
    ...(ended.note ? { note: ended.note } : {}),
    changes: { excludedCandidateIds, candidates, candidateOffset: 0, matchedSupporterId: undefined, decision: undefined },
    notify: ended.notify,
  });
}
