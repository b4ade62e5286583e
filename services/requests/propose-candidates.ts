import type { CandidateSnapshot, SupportRequest } from '../domain/support-request.js';
import { findCandidates } from '../matching/find-candidates.js';
import type { ServiceContext } from '../service-context.js';

/** How many candidates the manager channel card offers at a time. */
export const CANDIDATES_ON_CARD = 3;

/** The next best candidates for a request, leaving out anyone already declined or passed over. */
export async function proposeCandidates(
  ctx: ServiceContext,
  request: SupportRequest,
  offset = 0,
): Promise<CandidateSnapshot[]> {
  const { candidates } = await findCandidates(ctx.store, ctx.clock, request.allianceId, {
    specialisms: request.specialisms,
    phase: request.phase,
    daysWanted: request.daysWanted,
    schoolUrn: request.schoolUrn,
  }, { limit: CANDIDATES_ON_CARD, offset, excludeIds: request.excludedCandidateIds });
  return candidates.map(({ personId, name, score, reason }) => ({ personId, name, score, reason }));
}
