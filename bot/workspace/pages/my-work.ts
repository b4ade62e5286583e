import { showDate } from '../../../services/domain/show-date.js';
import { SPECIALISM_LABELS } from '../../../services/domain/specialisms.js';
import { listMyWork } from '../../../services/requests/list-my-work.js';
import { REQUEST_PROGRESS } from '../../../services/requests/request-progress.js';
import { html } from '../html.js';
import type { PageContext, PageResult } from '../respond.js';
import { scrollingTable } from './form-parts.js';

/**
 * A head or supporter sees only their own work (the same service as "my requests" in chat):
 * the head their school's requests, a supporter their deployments. Actions stay in chat.
 */
export async function showMyWork(ctx: PageContext): Promise<PageResult> {
  const work = await listMyWork(ctx.deps.flows, ctx.person!);
  const inChat = html`<p>To act on these (accept, plan, report a visit, evaluate), use the buttons in your chat with the bot or say <strong>my requests</strong> there.</p>`;
  if (work.role === 'supporter') {
    return ctx.page('My deployments', '/workspace/my-work', html`${inChat}${work.items.length ? scrollingTable('Your deployments', html`<table>
<caption class="muted">Your deployments, newest first</caption>
<thead><tr><th scope="col">Reference</th><th scope="col">Specialism</th><th scope="col">Status</th><th scope="col" class="num">Days</th><th scope="col">Due</th></tr></thead>
<tbody>${work.items.map(({ request, deployment, due }) => html`<tr><td>${request.reference}</td><td>${request.specialisms.map((s) => SPECIALISM_LABELS[s]).join(', ')}</td><td>${deployment?.status ?? request.status}</td><td class="num">${deployment?.daysCommitted ?? request.daysWanted}</td><td>${due ?? ''}</td></tr>`)}</tbody></table>`) : html`<p>You have no deployments yet.</p>`}`);
  }
  if (work.role === 'head' || work.role === 'manager') {
    const title = work.role === 'head' ? "My school's requests" : "The alliance's open requests";
    return ctx.page(title, '/workspace/my-work', html`${inChat}${work.items.length ? scrollingTable(title, html`<table>
<caption class="muted">Newest first</caption>
<thead><tr><th scope="col">Reference</th><th scope="col">Specialism</th><th scope="col">Where it is</th><th scope="col">Next</th><th scope="col">Due</th><th scope="col">Submitted</th></tr></thead>
<tbody>${work.items.map(({ request: r, supporterName, waitsFor, waitsOn, due }) => {
    const progress = REQUEST_PROGRESS[r.status];
    const next = waitsOn.length ? `${waitsFor}: ${waitsOn.join(', ')}` : waitsFor;
    return html`<tr><td>${r.reference}</td><td>${r.specialisms.map((s) => SPECIALISM_LABELS[s]).join(', ')}</td><td>${progress.label}${supporterName ? ` with ${supporterName}` : ''}</td><td>${next}</td><td>${due ?? ''}</td><td>${showDate(r.createdAt.slice(0, 10))}</td></tr>`;
  })}</tbody></table>`) : html`<p>No requests yet. Say <strong>request support</strong> to the bot to make one.</p>`}`);
  }
  return ctx.page('My work', '/workspace/my-work', html`<p>There is nothing for you to follow here yet.</p>`);
}
