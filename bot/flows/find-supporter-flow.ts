import { type Person, isManager } from '../../services/domain/person.js';
import type { Phase } from '../../services/domain/phases.js';
import { isPhase } from '../../services/domain/phases.js';
import { isSpecialism, type Specialism } from '../../services/domain/specialisms.js';
import { findCandidates } from '../../services/matching/find-candidates.js';
import { recognize } from '../../services/nlu/recognizer.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { buildSearchResultsCard, buildSupporterCard } from '../views/search-results-card.js';
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
  const page = await searchPage(ctx, person, specialisms, phase, offset, PAGE_SIZE);
  const card = buildSearchResultsCard({ specialisms, phase, offset, total: page.total, results: page.candidates, canRequest: person.role === 'head' });
  return { replies: [cardReply(card)] };
}

/**
 * "Find an expert" from the Teams compose or command box: the same recognition and ranking as the
 * chat search, one shareable card per supporter, best first; a hint when the words name no area.
 */
export async function searchExperts(ctx: FlowContext, person: Stored<Person>, query: string, offset: number, limit: number): Promise<TurnResult> {
  const { specialisms, phase } = recognize(query);
  if (specialisms.length === 0) {
    return { replies: [textReply(query.trim() ? `No area found in "${query.trim()}". Try a subject or need, e.g. "maths KS2" or "SEND".` : 'Type an area, e.g. "maths KS2", "phonics" or "SEND".')] };
  }
  const page = await searchPage(ctx, person, specialisms, phase, offset, limit);
  if (page.total === 0) return { replies: [textReply('No supporter with free days matches that. Try another area or phase.')] };
  return { replies: page.candidates.map((candidate) => cardReply(buildSupporterCard(candidate))) };
}

function searchPage(ctx: FlowContext, person: Stored<Person>, specialisms: Specialism[], phase: Phase | null, offset: number, limit: number) {
  return findCandidates(ctx.store, ctx.clock, person.allianceId, {
    specialisms,
    phase,
    // A head's own school and trust are left out, as they would be for a request.
    ...(person.role === 'head' && person.baseSchoolUrn ? { schoolUrn: person.baseSchoolUrn } : {}),
  }, { limit, offset, requirePhase: phase !== null, ...(isManager(person) ? {} : { searcherSchoolUrn: person.baseSchoolUrn }) });
}

/** Search parameters carried on "show more" and "widen" buttons. */
export function readSearchData(data: Record<string, unknown>): { specialisms: Specialism[]; phase: Phase | null; offset: number } {
  const specialisms = String(data.specialisms ?? '').split(',').filter(isSpecialism);
  const phase = typeof data.phase === 'string' && isPhase(data.phase) ? data.phase : null;
  const offset = Math.max(0, Math.min(10_000, Number(data.offset) || 0));
  return { specialisms, phase, offset };
}
