import { isPhase, PHASE_LABELS, PHASES, type Phase } from '../../../services/domain/phases.js';
import { SPECIALISM_LABELS, SPECIALISMS, type Specialism } from '../../../services/domain/specialisms.js';
import type { PlanParty } from '../../../services/domain/deployment-plan.js';
import { canTransition } from '../../../services/domain/request-lifecycle.js';
import { requestKind, type SupportRequest } from '../../../services/domain/support-request.js';
import { closableRequest, closeRequest } from '../../../services/requests/close-request.js';
import { remindNow } from '../../../services/service-levels/remind-now.js';
import { NotFoundError } from '../../../services/errors.js';
import { decideRequest, type ManagerDecision } from '../../../services/requests/decide-request.js';
import { loadPipeline, PIPELINE_STAGES, type PipelineFilters, type PipelineItem, type PipelineStage } from '../../../services/requests/pipeline.js';
import { html, type Html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { csrfInput, optionsOf } from './form-parts.js';
import { readReason, reasonForm } from './reason-form.js';

const STAGE_LABELS: Record<PipelineStage, string> = {
  submitted: 'Submitted', matching: 'Waiting for a decision', 'on-hold': 'On hold', proposed: 'Proposed to a supporter',
  accepted: 'Accepted: plan to agree', planned: 'Planned', active: 'Visits under way', completed: 'Completed: evaluation due', evaluated: 'Evaluated',
};
const CARDS_UPDATE = 'The chat cards are being updated.';
const DONE: Record<string, [string, string]> = {
  approve: ['Approved', CARDS_UPDATE], 'on-hold': ['Put on hold', CARDS_UPDATE], decline: ['Declined', CARDS_UPDATE], close: ['Closed', CARDS_UPDATE],
  remind: ['Reminder sent', 'It reaches them in chat with the button for their next step.'],
};
const PARTY_NAMES: Record<PlanParty, string> = { supporter: 'the supporter', school: 'the school', alliance: 'the alliance' };

function filtersFrom(query: URLSearchParams): PipelineFilters {
  const stage = query.get('stage');
  const specialism = query.get('specialism');
  const phase = query.get('phase');
  return {
    ...((PIPELINE_STAGES as readonly string[]).includes(stage ?? '') ? { stage: stage as PipelineStage } : {}),
    ...((SPECIALISMS as readonly string[]).includes(specialism ?? '') ? { specialism: specialism as Specialism } : {}),
    ...(phase && isPhase(phase) ? { phase } : {}),
    ...(query.get('la') ? { localAuthority: query.get('la')! } : {}),
    ...(query.get('supporter') ? { supporterId: query.get('supporter')! } : {}),
  };
}

export async function showBoard(ctx: PageContext, problem?: Html): Promise<PageResult> {
  const filters = filtersFrom(ctx.query);
  const pipeline = await loadPipeline(ctx.deps.flows, ctx.person!.allianceId, filters);
  const done = ctx.query.get('done');
  const banner = problem ?? (done && DONE[done] ? notice('ok', `${DONE[done][0]}: ${ctx.query.get('ref') ?? ''}. ${DONE[done][1]}`) : '');
  const filterForm = html`<form method="get" action="/workspace/board" class="filters" aria-label="Filter the pipeline">
  <div><label for="f-stage">Stage</label><select id="f-stage" name="stage"><option value="">All stages</option>${optionsOf(PIPELINE_STAGES.map((s) => [s, STAGE_LABELS[s]]), filters.stage)}</select></div>
  <div><label for="f-specialism">Specialism</label><select id="f-specialism" name="specialism"><option value="">All</option>${optionsOf(SPECIALISMS.map((s) => [s, SPECIALISM_LABELS[s]]), filters.specialism)}</select></div>
  <div><label for="f-phase">Phase</label><select id="f-phase" name="phase"><option value="">All</option>${optionsOf(PHASES.map((p) => [p, PHASE_LABELS[p]]), filters.phase)}</select></div>
  <div><label for="f-la">Local authority</label><select id="f-la" name="la"><option value="">All</option>${optionsOf(pipeline.localAuthorities.map((la) => [la, la]), filters.localAuthority)}</select></div>
  <div><label for="f-supporter">Supporter</label><select id="f-supporter" name="supporter"><option value="">All</option>${optionsOf(pipeline.supporters.map((s) => [s.id, s.name]), filters.supporterId)}</select></div>
  <button type="submit">Filter</button> <a href="/workspace/board">Clear filters</a>
</form>`;
  const sections = pipeline.stages.map(({ stage, total, items }) => html`<section aria-labelledby="stage-${stage}">
<h2 id="stage-${stage}">${STAGE_LABELS[stage]} (${total})</h2>
${items.length ? html`<ul class="cards">${items.map((item) => requestCard(ctx, item))}</ul>` : html`<p class="muted">None.</p>`}
${total > items.length ? html`<p>Showing the oldest ${items.length} of ${total}. Use the filters to see the rest.</p>` : ''}
</section>`);
  return ctx.page('Pipeline', '/workspace/board', html`${banner}${filterForm}${sections}`);
}

function requestCard(ctx: PageContext, item: PipelineItem): Html {
  const r = item.request;
  const decidable = r.status === 'matching' || r.status === 'on-hold';
  return html`<li class="card" id="request-${r.reference}">
<h3>${r.reference}: ${item.schoolName}</h3>
<p>${r.specialisms.map((s) => html`<span class="tag">${SPECIALISM_LABELS[s]}</span>`)}<span class="tag">${PHASE_LABELS[r.phase as Phase]}</span></p>
<p>${r.need.length > 160 ? `${r.need.slice(0, 160)}…` : r.need}</p>
<p class="muted">${r.daysWanted} days · ${item.localAuthority ?? 'local authority not known'} · asked by ${item.requesterName ?? 'someone no longer in the directory'} · <span${item.ageDays > 14 && decidable ? html` class="late"` : ''}>${item.ageDays} days old</span></p>
${item.supporterName ? html`<p>Supporter: ${item.supporterName}</p>` : ''}
${item.waiting.due ? html`<p>Next step <span${item.waiting.overdue ? html` class="late"` : ''}>${item.waiting.due}</span>${item.waiting.remindable.length ? `, waiting on ${partyNames(item.waiting.remindable)}` : ''}</p>` : ''}
${decidable ? decisionForms(ctx, r) : ''}
<div class="actions">
${item.waiting.remindable.length ? html`<form method="post" action="/workspace/board/requests/${encodeURIComponent(r.id)}/remind">${csrfInput(ctx.csrf)}<button type="submit" class="secondary">Remind ${partyNames(item.waiting.remindable)}</button></form>` : ''}
${canTransition(r.status, 'closed', requestKind(r)) ? reasonForm({
  id: `close-${r.id}`, action: `/workspace/board/requests/${encodeURIComponent(r.id)}/close`, csrf: ctx.csrf,
  summary: 'Close…', label: 'Why close it? (the school, and the supporter if matched, will see it)', submit: `Close ${r.reference}`,
}) : ''}
</div>
</li>`;
}

const partyNames = (parties: readonly PlanParty[]) => parties.map((party) => PARTY_NAMES[party]).join(' and ');

function decisionForms(ctx: PageContext, r: SupportRequest): Html {
  const action = `/workspace/board/requests/${encodeURIComponent(r.id)}/decide`;
  const csrf = csrfInput(ctx.csrf);
  return html`<div class="actions">
${r.candidates.length ? html`<form method="post" action="${action}">${csrf}<input type="hidden" name="outcome" value="approve">
  <label for="cand-${r.id}">Candidate</label>
  <select id="cand-${r.id}" name="candidateId">${r.candidates.map((c) => html`<option value="${c.personId}">${c.name}: ${c.reason}</option>`)}</select>
  <button type="submit">Approve</button></form>` : html`<p>No candidates found. Decline or put it on hold.</p>`}
${r.status === 'matching' ? html`<form method="post" action="${action}">${csrf}<input type="hidden" name="outcome" value="on-hold"><button type="submit" class="secondary">Hold</button></form>` : ''}
${reasonForm({ id: r.id, action, csrf: ctx.csrf, outcome: 'decline', summary: 'Decline…', label: 'Reason (the school will see it)', submit: `Decline ${r.reference}` })}
</div>`;
}

/** Approve, hold or decline: the same service and the same decline form schema as the chat card. */
export async function decideOnBoard(ctx: PageContext): Promise<PageResult> {
  const requestId = String(ctx.req.params.id ?? '');
  const request = await ctx.deps.flows.store.get<SupportRequest>(ctx.person!.allianceId, requestId);
  if (!request || request.type !== 'supportRequest') throw new NotFoundError('That request');
  const outcome = String(ctx.body.outcome ?? '');
  let decision: ManagerDecision;
  if (outcome === 'approve') decision = { outcome: 'approve', candidateId: String(ctx.body.candidateId ?? '') };
  else if (outcome === 'on-hold') decision = { outcome: 'on-hold' };
  else {
    const reason = readReason('request', request.reference, ctx.body);
    if (!reason.ok) return refused(ctx, `Nothing was changed. The reason to decline ${request.reference}: ${reason.problem}`);
    decision = { outcome: 'decline', reason: reason.reason };
  }
  await decideRequest(ctx.deps.flows, ctx.person!, requestId, decision);
  return { kind: 'redirect', to: `/workspace/board?done=${decision.outcome}&ref=${encodeURIComponent(request.reference)}` };
}

/** Closes a request at any open stage, with the reason the school (and the supporter, if matched) reads. */
export async function closeOnBoard(ctx: PageContext): Promise<PageResult> {
  const request = await closableRequest(ctx.deps.flows, ctx.person!, String(ctx.req.params.id ?? ''));
  const reason = readReason('close', request.reference, ctx.body);
  if (!reason.ok) return refused(ctx, `Nothing was changed. The reason to close ${request.reference}: ${reason.problem}`);
  await closeRequest(ctx.deps.flows, ctx.person!, request.id, { reason: reason.reason });
  return { kind: 'redirect', to: `/workspace/board?done=close&ref=${encodeURIComponent(request.reference)}` };
}

async function refused(ctx: PageContext, message: string): Promise<PageResult> {
  const page = await showBoard(ctx, notice('error', message));
  return page.kind === 'page' ? { ...page, status: 400 } : page;
}

/** Reminds whoever the request waits on now, with the same nudge card the service levels send. */
export async function remindFromBoard(ctx: PageContext): Promise<PageResult> {
  const { reference } = await remindNow(ctx.deps.flows, ctx.person!, String(ctx.req.params.id ?? ''));
  return { kind: 'redirect', to: `/workspace/board?done=remind&ref=${encodeURIComponent(reference)}` };
}
