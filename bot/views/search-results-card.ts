import { actions, button, card, heading, list, text, type Button, type ListItem, type MessageCard } from '../../cards/message-card.js';
import { PHASE_LABELS, type Phase } from '../../services/domain/phases.js';
import { SPECIALISM_LABELS, type Specialism } from '../../services/domain/specialisms.js';
import { DESIGNATION_LABELS } from '../../services/domain/designations.js';
import type { RankedCandidate } from '../../services/matching/rank-supporters.js';
import { ACTIONS } from '../flows/action-ids.js';

export interface SearchView {
  specialisms: Specialism[];
  phase: Phase | null;
  offset: number;
  total: number;
  results: RankedCandidate[];
  canRequest: boolean;
}

/** "Find an SLE in maths": one page of matching supporters, with paging and ways forward. */
export function buildSearchResultsCard(view: SearchView): MessageCard {
  const what = [view.specialisms.map((s) => SPECIALISM_LABELS[s]).join(', ') || 'any area', view.phase ? PHASE_LABELS[view.phase].toLowerCase() : undefined]
    .filter(Boolean).join(', ');
  const searchData = { specialisms: view.specialisms.join(','), phase: view.phase ?? '' };
  const ways: Button[] = [];
  if (view.canRequest) ways.push(button(ACTIONS.openRequestForm, 'Request support', { specialisms: searchData.specialisms, phase: searchData.phase }, { style: 'primary' }));

  if (view.results.length === 0) {
    if (view.phase) ways.unshift(button(ACTIONS.searchWiden, 'Search all phases', { specialisms: searchData.specialisms, phase: '' }));
    return card(`No supporters found for ${what}`, [
      heading(`No supporter with free days matches ${what}`),
      text(view.phase ? 'You could widen the search to every phase, or send a request and the alliance manager will look further.' : 'You could send a request and the alliance manager will look further.'),
      ...(ways.length ? [actions(ways)] : []),
    ]);
  }
  const next = view.offset + view.results.length;
  if (next < view.total) ways.unshift(button(ACTIONS.searchMore, 'Show more', { ...searchData, offset: next }));
  const contactable = view.results.filter((r) => r.profile.contactDirectly);
  return card(`Supporters for ${what}: ${view.total} found`, [
    heading(`Supporters for ${what}`),
    text(`Showing ${view.offset + 1}–${next} of ${view.total}, best match first.`, { muted: true }),
    list(view.results.map(supporterItem)),
    // Only people who agreed to be contacted directly; everyone else is reached through a request.
    ...(contactable.length ? [actions(contactable.map((r) => button(ACTIONS.messageExpert, `Message ${r.name}`, { personId: r.personId })))] : []),
    ...(ways.length ? [actions(ways)] : []),
  ]);
}

/** One supporter as the search shows them: who, where from, what they offer, and why they rank here. */
export function supporterItem(r: RankedCandidate): ListItem {
  return {
    title: `${r.name}, ${r.profile.designation ? DESIGNATION_LABELS[r.profile.designation] : 'supporter'}`,
    subtitle: r.schoolName ?? 'base school not recorded',
    lines: [
      `Specialisms: ${r.profile.specialisms.map((s) => SPECIALISM_LABELS[s]).join(', ')}`,
      `Phases: ${r.profile.phases.map((p) => PHASE_LABELS[p]).join(', ') || 'not stated'}`,
      `Days free this academic year: ${r.profile.freeDays} of ${r.profile.daysPerYear}`,
      r.reason,
      ...(r.profile.contactDirectly ? ['Happy to be contacted directly for advice or a visit'] : []),
    ],
  };
}

/**
 * One supporter on a card of their own, to share into a chat (the Teams "Find an expert" message
 * extension): the heading and the reason come first, so a one-line preview can show them.
 */
export function buildSupporterCard(r: RankedCandidate): MessageCard {
  const item = supporterItem(r);
  return card(`${item.title}: ${r.reason}`, [
    heading(item.title),
    text(r.reason),
    list([{ title: item.subtitle ?? '', lines: item.lines?.slice(0, 3) }]),
  ]);
}
