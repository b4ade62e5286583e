import { DESIGNATION_LABELS, DESIGNATIONS } from '../../../services/domain/designations.js';
import type { Alliance } from '../../../services/domain/alliance.js';
import { PHASE_LABELS } from '../../../services/domain/phases.js';
import { SPECIALISM_LABELS } from '../../../services/domain/specialisms.js';
import { setDayRate } from '../../../services/directory/alliances.js';
import { searchDirectory } from '../../../services/directory/search-directory.js';
import { html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { scrollingTable } from './form-parts.js';

const SHOWN = 100;
const DONE: Record<string, string> = { added: 'Added', saved: 'Saved', imported: 'Imported', rate: 'Day rate saved' };

/** People and schools, searchable, with links to add, edit and import, and the day rates. */
export async function showDirectory(ctx: PageContext): Promise<PageResult> {
  const search = ctx.query.get('q') ?? '';
  const listing = await searchDirectory(ctx.deps.flows, ctx.person!.allianceId, search);
  const done = ctx.query.get('done');
  const banner = done && DONE[done] ? notice('ok', `${DONE[done]}${ctx.query.get('what') ? `: ${ctx.query.get('what')}` : ''}.`) : '';
  const people = listing.people.slice(0, SHOWN);
  const schools = listing.schools.slice(0, SHOWN);
  const schoolNames = new Map(listing.schools.map((s) => [s.urn, s.name]));
  return ctx.page('Directory', '/workspace/directory', html`${banner}
<form method="get" action="/workspace/directory" class="filters" role="search">
  <div><label for="q">Search people and schools</label><input type="search" id="q" name="q" value="${search}"></div>
  <button type="submit">Search</button>
</form>
<p class="actions"><a class="button" href="/workspace/directory/person">Add a person</a> <a href="/workspace/directory/import">Upload a CSV file</a></p>
<h2 id="people">People (${listing.people.length}${search ? ` of ${listing.totals.people}` : ''})</h2>
${scrollingTable('People', html`<table>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Base school</th><th scope="col">Specialisms</th><th scope="col" class="num">Days a year</th></tr></thead>
<tbody>${people.map((p) => html`<tr><td><a href="/workspace/directory/person?id=${p.id}">${p.name}</a><br><span class="muted">${p.email}</span></td><td>${p.designation ? DESIGNATION_LABELS[p.designation] : p.role}</td><td>${p.baseSchoolUrn ? schoolNames.get(p.baseSchoolUrn) ?? p.baseSchoolUrn : ''}</td><td>${p.specialisms.map((s) => SPECIALISM_LABELS[s]).join(', ')}</td><td class="num">${p.role === 'supporter' ? p.daysPerYear : ''}</td></tr>`)}</tbody>
</table>`)}
${listing.people.length > SHOWN ? html`<p>Showing the first ${SHOWN}. Search to narrow the list.</p>` : ''}
<h2 id="schools">Schools (${listing.schools.length}${search ? ` of ${listing.totals.schools}` : ''})</h2>
${scrollingTable('Schools', html`<table>
<thead><tr><th scope="col">School</th><th scope="col">URN</th><th scope="col">Phase</th><th scope="col">Local authority</th><th scope="col">Ofsted</th></tr></thead>
<tbody>${schools.map((s) => html`<tr><td>${s.name}</td><td>${s.urn}</td><td>${PHASE_LABELS[s.phase]}</td><td>${s.localAuthority ?? ''}</td><td>${s.ofstedJudgement ?? ''}</td></tr>`)}</tbody>
</table>`)}
${listing.schools.length > SHOWN ? html`<p>Showing the first ${SHOWN}. Search to narrow the list.</p>` : ''}
${dayRates(ctx)}`);
}

function dayRates(ctx: PageContext) {
  const alliance = ctx.alliance as Alliance;
  return html`<h2 id="rates">Day rates</h2>
<p>What a deployment costs per day, by the supporter's designation. A change applies to matches made from now on.</p>
${scrollingTable('Day rates', html`<table><thead><tr><th scope="col">Designation</th><th scope="col">Pounds a day</th></tr></thead><tbody>
${DESIGNATIONS.map((d) => html`<tr><td>${DESIGNATION_LABELS[d]}</td><td><form method="post" action="/workspace/directory/rates" class="actions">
  <input type="hidden" name="_csrf" value="${ctx.csrf}"><input type="hidden" name="designation" value="${d}">
  <label for="rate-${d}" class="visually-hidden">Day rate for ${DESIGNATION_LABELS[d]} in pounds</label>
  <input type="number" id="rate-${d}" name="rate" min="0" max="5000" step="1" value="${alliance.dayRates[d]}" style="width:7rem">
  <button type="submit" class="secondary">Save</button></form></td></tr>`)}
</tbody></table>`)}`;
}

export async function saveDayRate(ctx: PageContext): Promise<PageResult> {
  const designation = String(ctx.body.designation ?? '');
  await setDayRate(ctx.deps.flows.store, ctx.person!.allianceId, { designation, rate: Number(ctx.body.rate) });
  return { kind: 'redirect', to: `/workspace/directory?done=rate&what=${encodeURIComponent(designation)}#rates` };
}
