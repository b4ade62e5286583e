import { academicYearOf } from '../../../services/domain/academic-year.js';
import { financeCsv, summariseFinance, type FinanceSummary, type FinanceTotal } from '../../../services/deployments/finance-export.js';
import { ValidationError } from '../../../services/errors.js';
import { html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { periodForm, pounds, scrollingTable } from './form-parts.js';

/** The chosen period, this academic year so far unless the form says otherwise. */
function periodOf(ctx: PageContext): { from: string; to: string } {
  const now = ctx.deps.flows.clock.now();
  return {
    from: ctx.query.get('from') || academicYearOf(now).start.toISOString().slice(0, 10),
    to: ctx.query.get('to') || now.toISOString().slice(0, 10),
  };
}

/** The finance export on screen: days delivered by visit date and what each school is charged or reimbursed. */
export async function showFinance(ctx: PageContext): Promise<PageResult> {
  const period = periodOf(ctx);
  const form = periodForm('/workspace/finance', period);
  let summary: FinanceSummary;
  try {
    summary = await summariseFinance(ctx.deps.flows, ctx.person!.allianceId, period);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return ctx.page('Finance', '/workspace/finance', html`${notice('error', `${error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}. Choose the dates again.`)}${form}`, { status: 400 });
  }
  const download = `/workspace/finance.csv?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
  return ctx.page('Finance', '/workspace/finance', html`${form}
<p><a href="${download}">Download as CSV</a> (the same file as <code>npx s2s export finance</code>)</p>
<p><strong>${summary.total.days} days, ${pounds(summary.total.amount)}</strong> delivered from ${period.from} to ${period.to}.</p>
<h2>By deployment</h2>
${summary.lines.length ? scrollingTable('By deployment', html`<table>
<thead><tr><th scope="col">Reference</th><th scope="col">School charged</th><th scope="col">Supporter</th><th scope="col">Base school to reimburse</th><th scope="col" class="num">Day rate</th><th scope="col" class="num">Days</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${summary.lines.map((l) => html`<tr><td>${l.reference}</td><td>${l.schoolName}</td><td>${l.supporter}</td><td>${l.baseSchoolName}</td><td class="num">${pounds(l.dayRate)}</td><td class="num">${l.days}</td><td class="num">${pounds(l.amount)}</td></tr>`)}</tbody></table>`) : html`<p>No days were delivered in this period.</p>`}
${totalsTable('Totals by school charged', summary.bySchool)}
${totalsTable('Totals by base school to reimburse', summary.byBaseSchool)}`);
}

function totalsTable(title: string, totals: FinanceTotal[]) {
  if (!totals.length) return '';
  return html`<h2>${title}</h2>${scrollingTable(title, html`<table><thead><tr><th scope="col">School</th><th scope="col">URN</th><th scope="col" class="num">Days</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${totals.map((t) => html`<tr><td>${t.name}</td><td>${t.urn}</td><td class="num">${t.days}</td><td class="num">${pounds(t.amount)}</td></tr>`)}</tbody></table>`)}`;
}

export async function downloadFinance(ctx: PageContext): Promise<PageResult> {
  const period = periodOf(ctx);
  const summary = await summariseFinance(ctx.deps.flows, ctx.person!.allianceId, period);
  return { kind: 'file', fileName: `finance-${period.from}-to-${period.to}.csv`, contentType: 'text/csv; charset=utf-8', body: financeCsv(summary) };
}
