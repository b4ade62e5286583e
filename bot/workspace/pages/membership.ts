import { showDate } from '../../../services/domain/show-date.js';
import { PHASE_LABELS } from '../../../services/domain/phases.js';
import { decideMembership, type MembershipAnswer } from '../../../services/membership/decide-membership.js';
import { listMembershipRequests, type MembershipRequests } from '../../../services/membership/list-membership-requests.js';
import type { LeavingImpact } from '../../../services/membership/leaving-impact.js';
import { getRecord } from '../../../services/store/get-record.js';
import { html, type Html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { csrfInput, scrollingTable } from './form-parts.js';
import { reasonForm, readReason } from './reason-form.js';

const DONE: Record<string, string> = {
  'approve-join': 'Approved: the school and its head are in the directory, and the head is told',
  'approve-leave': 'Approved: the school has left; its waiting requests are closed and the head is told',
  decline: 'Declined: the head is told why',
};

/** Schools asking to join or leave the alliance: approve or decline each, as in the brokerage channel. */
export async function showMembership(ctx: PageContext, problem?: Html): Promise<PageResult> {
  const requests = await listMembershipRequests(ctx.deps.flows, ctx.person!);
  const done = ctx.query.get('done');
  const banner = problem ?? (done && DONE[done] ? notice('ok', `${DONE[done]}. (${ctx.query.get('school') ?? ''})`) : '');
  const closed = requests.joiningOpen ? '' : html`<p>Schools cannot ask to join from the bot: the alliance is not listed for joining. Your administrator sets that, and the memorandum of understanding, with <code>npx s2s alliance joining</code>.</p>`;
  const waiting = requests.pending.length
    ? html`<ul class="cards">${requests.pending.map((request) => requestCard(ctx, request))}</ul>`
    : html`<p>No school is waiting to join or leave.</p>`;
  const decided = requests.decided.length ? scrollingTable('Recent decisions', html`<table><thead><tr><th scope="col">School</th><th scope="col">Head</th><th scope="col">Decision</th><th scope="col">By</th><th scope="col">On</th></tr></thead>
<tbody>${requests.decided.map((r) => html`<tr><th scope="row">${r.school.name} (URN ${r.school.urn})</th><td>${r.headName}</td><td>${r.status === 'approved' ? (r.action === 'join' ? 'Joined' : 'Left') : html`Declined to ${r.action}: ${r.decision?.reason ?? ''}`}</td><td>${r.decision?.byName ?? ''}</td><td>${r.decision ? showDate(r.decision.at.slice(0, 10)) : ''}</td></tr>`)}</tbody></table>`) : html`<p>None yet.</p>`;
  return ctx.page('Joining and leaving', '/workspace/membership', html`${banner}${closed}<h2>Waiting for a decision (${requests.pending.length})</h2>${waiting}<h2>Recent decisions</h2>${decided}`);
}

function requestCard(ctx: PageContext, request: MembershipRequests['pending'][number]): Html {
  const action = `/workspace/membership/${encodeURIComponent(request.id)}/decide`;
  const { school } = request;
  return html`<li class="card" id="${request.id}">
<h3>${school.name} asks to ${request.action}</h3>
<p>URN ${school.urn} · ${PHASE_LABELS[school.phase]}${school.localAuthority ? ` · ${school.localAuthority}` : ''}${school.postcode ? ` · ${school.postcode}` : ''}${school.trust ? ` · ${school.trust}` : ''}</p>
<p>Head: ${request.headName}, ${request.email} <span class="muted">(${request.emailConfirmedByChannel ? `confirmed by ${request.requester.channel === 'teams' ? 'Teams' : 'Slack'}` : 'typed in: check it before approving'})</span></p>
${request.action === 'join'
    ? html`<p class="muted">Asked on ${showDate(request.createdAt.slice(0, 10))}; ${request.sawCurrentMemorandum ? 'acknowledged the memorandum of understanding' : 'acknowledged an earlier version of the memorandum'}.</p>`
    : html`<p>Why: ${request.reason ?? 'no reason given'}</p>${request.impact ? leavingText(request.impact) : ''}<p class="muted">Asked on ${showDate(request.createdAt.slice(0, 10))}.</p>`}
<div class="actions">
<form method="post" action="${action}">${csrfInput(ctx.csrf)}<input type="hidden" name="outcome" value="approve"><button type="submit">${request.action === 'join' ? `Approve ${school.name}` : `Approve: ${school.name} leaves`}</button></form>
${reasonForm({ id: request.id, action, csrf: ctx.csrf, outcome: 'decline', summary: 'Decline…', label: 'Reason (the head will see it)', submit: `Decline ${school.name}` })}
</div>
</li>`;
}

function leavingText({ requestsToClose, deploymentsUnderWay }: LeavingImpact): Html {
  const list = (refs: string[]) => (refs.length ? refs.join(', ') : 'none');
  return html`<p>If approved, its heads can no longer request support here; its requests waiting for a match are closed (${list(requestsToClose.map((r) => r.reference))}); deployments under way carry on (${list(deploymentsUnderWay.map((d) => d.requestReference))}).</p>`;
}

/** Approve or decline: the same service and decline form schema as the brokerage channel's card. */
export async function decideMembershipOnPage(ctx: PageContext): Promise<PageResult> {
  const request = await getRecord(ctx.deps.flows, ctx.person!.allianceId, String(ctx.req.params.id ?? ''), 'membershipRequest');
  let answer: MembershipAnswer;
  if (ctx.body.outcome === 'approve') answer = { outcome: 'approve' };
  else {
    const reason = readReason('membership', request.school.name, ctx.body);
    if (!reason.ok) {
      const page = await showMembership(ctx, notice('error', `Nothing was changed. The reason to decline ${request.school.name}: ${reason.problem}`));
      return page.kind === 'page' ? { ...page, status: 400 } : page;
    }
    answer = { outcome: 'decline', reason: reason.reason };
  }
  await decideMembership(ctx.deps.flows, ctx.person!, request.id, answer);
  const done = answer.outcome === 'approve' ? `approve-${request.action}` : 'decline';
  return { kind: 'redirect', to: `/workspace/membership?done=${done}&school=${encodeURIComponent(request.school.name)}` };
}
