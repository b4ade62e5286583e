import { showDate } from '../../../services/domain/show-date.js';
import { PHASE_LABELS } from '../../../services/domain/phases.js';
import { SPECIALISM_LABELS } from '../../../services/domain/specialisms.js';
import { CAPACITY_SORTS, capacityAndNeed, sortCapacityRows, type CapacityRow, type CapacitySort } from '../../../services/reports/capacity-and-need.js';
import { fairness, type Fairness } from '../../../services/reports/fairness.js';
import { html, type Html } from '../html.js';
import type { PageContext, PageResult } from '../respond.js';
import { optionsOf, scrollingTable, sortableHeader, type SortableColumn } from './form-parts.js';

const COLUMNS: ReadonlyArray<SortableColumn<CapacitySort>> = [
  { key: 'specialism', label: 'Specialism' },
  { key: 'phase', label: 'Phase' },
  { key: 'supporters', label: 'Supporters', numeric: true },
  { key: 'spareDays', label: 'Spare days', numeric: true },
  { key: 'waitingRequests', label: 'Requests waiting', numeric: true },
  { key: 'daysAsked', label: 'Days asked', numeric: true },
  { key: 'shortfall', label: 'Short by (days)', numeric: true },
  { key: 'requestsThisTerm', label: 'Requests this term', numeric: true },
  { key: 'requestsLast12Months', label: 'Requests, last 12 months', numeric: true },
];

/** The fairness table lists the busiest supporters; the rest give fewer days. */
const FAIRNESS_ROWS = 20;

const days = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const areaName = (row: CapacityRow) => `${SPECIALISM_LABELS[row.specialism]}, ${PHASE_LABELS[row.phase].toLowerCase()}`;

/** Where the alliance is short: supporters' spare days against what waiting requests ask for. */
export async function showCapacity(ctx: PageContext): Promise<PageResult> {
  const localAuthority = ctx.query.get('la') || undefined;
  const [report, shares] = await Promise.all([
    capacityAndNeed(ctx.deps.flows, ctx.person!.allianceId, { localAuthority }),
    fairness(ctx.deps.flows, ctx.person!.allianceId),
  ]);
  const asked = ctx.query.get('sort') ?? '';
  const sort: CapacitySort = (CAPACITY_SORTS as readonly string[]).includes(asked) ? (asked as CapacitySort) : 'shortfall';
  const intro = html`<p>Spare days are what supporters offer this academic year less the days already committed. Requests waiting are those not yet matched (waiting for a decision or on hold). A supporter or request with several specialisms counts under each; an all-through supporter counts for primary and secondary too. Choosing a local authority counts only its schools' requests; supporters travel, so spare days stay the whole alliance's. Figures as of ${showDate(report.asOf)}; this term is the ${report.termName}.</p>`;
  if (!report.rows.length) {
    return ctx.page('Capacity and need', '/workspace/capacity', html`${intro}<p><strong>Nothing to compare yet.</strong> There are no supporters in the directory and no requests in the last 12 months. <a href="/workspace/directory/person">Add a supporter</a> or <a href="/workspace/directory/import">upload the directory</a>.</p>`);
  }
  const short = sortCapacityRows(report.rows, 'shortfall').filter((row) => row.shortfall > 0);
  const summary = short.length
    ? html`<h2>Where the alliance is short${localAuthority ? ` for ${localAuthority}'s schools` : ''}</h2><ul>${short.slice(0, 5).map((row) => html`<li><strong>${areaName(row)}</strong>: ${days(row.daysAsked)} days asked, ${row.supporters ? `${days(row.spareDays)} spare` : 'no supporter offers it'}</li>`)}</ul>${short.length > 5 ? html`<p>And ${short.length - 5} more, listed first in the table.</p>` : ''}`
    : html`<p class="notice ok">Supporters' spare days cover every waiting request${localAuthority ? ` from ${localAuthority}'s schools` : ''}.</p>`;
  const rows = sortCapacityRows(report.rows, sort);
  const area = html`<form method="get" action="/workspace/capacity" class="filters" aria-label="Where the need comes from">
  <input type="hidden" name="sort" value="${sort}">
  <div><label for="f-la">Need from schools in</label><select id="f-la" name="la"><option value="">Every local authority</option>${optionsOf(report.localAuthorities.map((la) => [la, la]), localAuthority)}</select></div>
  <button type="submit">Show</button>${localAuthority ? html` <a href="/workspace/capacity?sort=${sort}">Whole alliance</a>` : ''}
</form>`;
  const table = html`<table>
<caption class="visually-hidden">Capacity and need by specialism and phase, sorted by ${COLUMNS.find((c) => c.key === sort)!.label.toLowerCase()}</caption>
<thead><tr>${COLUMNS.map((column) => sortableHeader('/workspace/capacity', column, sort, localAuthority ? { la: localAuthority } : {}))}</tr></thead>
<tbody>${rows.map((row) => capacityRow(row))}</tbody></table>`;
  return ctx.page('Capacity and need', '/workspace/capacity', html`${intro}${area}${summary}<h2>By specialism and phase</h2><p>Select a column heading to sort by it.</p>${scrollingTable('Capacity and need by specialism and phase', table)}${fairnessTables(shares)}`);
}

/** Who gives the days: busiest first, so an unfair share stands out. */
function fairnessTables(shares: Fairness): Html {
  const shown = shares.supporters.slice(0, FAIRNESS_ROWS);
  return html`<h2>Fairness: days given in ${shares.yearLabel}</h2>
<p>Days in deployments made this academic year, against the days each offers. The busiest ${shown.length} of ${shares.supporters.length} supporters:</p>
${scrollingTable('Days given per supporter', html`<table><thead><tr><th scope="col">Supporter</th><th scope="col">Base school</th><th scope="col" class="num">Days given</th><th scope="col" class="num">Days offered</th></tr></thead>
<tbody>${shown.map((s) => html`<tr><th scope="row">${s.name}</th><td>${s.baseSchool}</td><td class="num">${days(s.daysGiven)}</td><td class="num">${days(s.daysOffered)}</td></tr>`)}</tbody></table>`)}
<h3>Per base school</h3>
${scrollingTable('Days given per base school', html`<table><thead><tr><th scope="col">Base school</th><th scope="col" class="num">Supporters</th><th scope="col" class="num">Days given</th><th scope="col" class="num">Days offered</th></tr></thead>
<tbody>${shares.baseSchools.map((s) => html`<tr><th scope="row">${s.name}</th><td class="num">${s.supporters}</td><td class="num">${days(s.daysGiven)}</td><td class="num">${days(s.daysOffered)}</td></tr>`)}</tbody></table>`)}`;
}

function capacityRow(row: CapacityRow): Html {
  return html`<tr${row.shortfall > 0 ? html` class="short"` : ''}>
<th scope="row">${SPECIALISM_LABELS[row.specialism]}</th><td>${PHASE_LABELS[row.phase]}</td>
<td class="num">${row.supporters}</td><td class="num">${days(row.spareDays)}</td><td class="num">${row.waitingRequests}</td><td class="num">${days(row.daysAsked)}</td>
<td class="num">${row.shortfall ? html`<strong>${days(row.shortfall)}</strong>` : '0'}</td>
<td class="num">${row.requestsThisTerm}</td><td class="num">${row.requestsLast12Months}</td></tr>`;
}
