import type { Person } from '../../services/domain/person.js';
import type { Phase } from '../../services/domain/phases.js';
import { isPhase } from '../../services/domain/phases.js';
import { isSpecialism, type Specialism } from '../../services/domain/specialisms.js';
import { findCandidates } from '../../services/matching/find-candidates.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { buildSearchResultsCard } from '../views/search-results-card.js';
import type { FlowContext } from './flow-context.js';

const PAGE_SIZE = 5;

/** "Find an SLE in maths": the best supporters with free days, filtered by specialism and phase. */
export async function findSupporters(
  ctx: FlowContext,
  person: Stored<Person>,
  specialisms: Specialism[],
  phase: Phase | null,
  offset = 0,
): Promise<TurnResult> {
  if (specialisms.length === 0) {
    return { replies: [textReply('Which area do you need? For example "find an SLE in maths" or "who can help with early reading in KS1".')] };
  }
  const page = await findCandidates(ctx.store, ctx.clock, person.allianceId, {
    specialisms,
    phase,
    // A head's own school and trust are left out, as they would be for a request.
    ...(person.role === 'head' && person.baseSchoolUrn ? { schoolUrn: person.baseSchoolUrn } : {}),
  }, { limit: PAGE_SIZE, offset, requirePhase: phase !== null });
  const card = buildSearchResultsCard({ specialisms, phase, offset, total: page.total, results: page.candidates, canRequest: person.role === 'head' });
  return { replies: [cardReply(card)] };
}

/** Search parameters carried on "show more" and "widen" buttons. */
export function readSearchData(data: Record<string, unknown>): { specialisms: Specialism[]; phase: Phase | null; offset: number } {
  const specialisms = String(data.specialisms ?? '').split(',').filter(isSpecialism);
  const phase = typeof data.phase === 'string' && isPhase(data.phase) ? data.phase : null;
  const offset = Math.max(0, Math.min(10_000, Number(data.offset) || 0));
  return { specialisms, phase, offset };
}
