import { writeAudited } from '../audited-write.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { requireManager } from './require-manager.js';
import { CANDIDATES_ON_CARD, proposeCandidates } from './propose-candidates.js';

export interface CandidatePage {
  request: Stored<SupportRequest>;
  /** What the manager should be told besides the new card: no others, or back to the best. */
  note?: string;
}

/**
 * "Other candidates": the next page of the ranking on the manager's card. After the last page it
 * starts again from the best, and says so; with no other candidate at all it says that instead.
 */
export async function nextCandidates(ctx: ServiceContext, manager: Stored<Person>, requestId: string): Promise<CandidatePage> {
  requireManager(manager, 'do that');
  const request = await getRecord(ctx, manager.allianceId, requestId, 'supportRequest');
  if (request.status !== 'matching' && request.status !== 'on-hold') return { request };
  const offset = (request.candidateOffset ?? 0) + CANDIDATES_ON_CARD;
  let candidates = await proposeCandidates(ctx, request, offset);
  let page = { offset, note: undefined as string | undefined };
  if (candidates.length === 0) {
    candidates = await proposeCandidates(ctx, request, 0);
    const none = candidates.length <= CANDIDATES_ON_CARD && (request.candidateOffset ?? 0) === 0;
    page = { offset: 0, note: none ? 'There are no other candidates with free days for this request.' : 'That was every candidate; here are the best ones again.' };
  }
  const updated = await writeAudited(ctx, request, {
    by: manager.id,
    action: 'candidates-paged',
    note: `from candidate ${page.offset + 1}`,
    changes: { candidates, candidateOffset: page.offset },
  });
  return { request: updated, ...(page.note ? { note: page.note } : {}) };
}
