import { DIAGNOSTIC_DESIGNATIONS } from '../domain/diagnostic.js';
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
  const need = { specialisms: request.specialisms, phase: request.phase, daysWanted: request.daysWanted, schoolUrn: request.schoolUrn };
  const options = { limit: CANDIDATES_ON_CARD, offset, excludeIds: request.excludedCandidateIds };
  let page = request.kind === 'diagnostic'
    // The leader looks at the whole school, so the concerns named do not narrow who can do it.
    ? await findCandidates(ctx.store, ctx.clock, request.allianceId, { ...need, specialisms: [], designations: DIAGNOSTIC_DESIGNATIONS }, options)
    : undefined;
  // A diagnostic goes to a system leader when one is free; otherwise anyone who fits is better than no one.
  if (!page || page.total === 0) page = await findCandidates(ctx.store, ctx.clock, request.allianceId, need, options);
  return page.candidates.map(({ personId, name, score, reason }) => ({ personId, name, score, reason }));
}
