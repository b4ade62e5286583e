import { PHASE_LABELS, type Phase } from '../../../services/domain/phases.js';
import { SPECIALISM_LABELS, type Specialism } from '../../../services/domain/specialisms.js';
import { ValidationError } from '../../../services/errors.js';
import { impactCsv } from '../../../services/reports/impact-csv.js';
import { defaultImpactPeriod, summariseImpact, type ImpactGroup, type ImpactPeriod, type ImpactReport } from '../../../services/reports/impact.js';
import { barChart, type BarSeries } from '../bar-chart.js';
import { html, type Html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { periodForm, pounds, scrollingTable } from './form-parts.js';

const RATING_SERIES: readonly BarSeries[] = [
  { name: 'Objectives met (average rating)', colour: '#4f52b2' },
  { name: 'Supporter effectiveness (average rating)', colour: '#00706e' },
];
const rating = (value: number) => value.toFixed(1);

function periodOf(ctx: PageContext): ImpactPeriod {
  const fallback = defaultImpactPeriod(ctx.deps.flows.clock.now());
  return { from: ctx.query.get('from') || fallback.from, to: ctx.query.get('to') || fallback.to };
}

/** The schools' evaluations for a period: ratings by specialism, term, phase and supporter, with charts and tables. */
export async function showImpact(ctx: PageContext): Promise<PageResult> {
  const period = periodOf(ctx);
  const form = periodForm('/workspace/impact', period, 'Evaluations submitted');
  let report: ImpactReport;
  try {
    report = await summariseImpact(ctx.deps.flows, ctx.person!.allianceId, period);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return ctx.page('Impact', '/workspace/impact', html`${notice('error', `${error.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}. Choose the dates again.`)}${form}`, { status: 400 });
  }
  if (!report.lines.length) {
    return ctx.page('Impact', '/workspace/impact', html`${form}<p><strong>No evaluations were submitted from ${period.from} to ${period.to}.</strong> A school evaluates its support once the supporter has completed it; choose a longer period to see earlier ones.</p>`);
  }
  const { total } = report;
  const download = `/workspace/impact.csv?from=${encodeURIComponent(report.period.from)}&to=${encodeURIComponent(report.period.to)}`;
  return ctx.page('Impact', '/workspace/impact', html`${form}
<p><a href="${download}">Download as CSV</a> (one row per evaluated deployment, for Power BI or Excel)</p>
<p><strong>${total.evaluations} ${total.evaluations === 1 ? 'evaluation' : 'evaluations'}</strong> from ${report.period.from} to ${report.period.to}: objectives met ${rating(total.averageObjectiveRating)} of 4 on average, supporter effectiveness ${rating(total.averageEffectiveness)} of 4; ${total.days} days delivered, ${pounds(total.cost)}.
Ratings run from 1 (not effective) to 4 (highly effective). Progress from first to last visit report: ${movementText(total)}.</p>
${chartWithTable('specialism', 'By specialism', report.bySpecialism, (key) => SPECIALISM_LABELS[key as Specialism])}
${chartWithTable('term', 'By term', report.byTerm, (key) => key)}
<h2>By phase</h2>
${groupTable('By phase', 'Phase', report.byPhase, (key) => PHASE_LABELS[key as Phase])}
<h2>Supporter effectiveness</h2>
${scrollingTable('Supporter effectiveness', html`<table><thead><tr><th scope="col">Supporter</th><th scope="col">Designation</th><th scope="col" class="num">Evaluations</th><th scope="col" class="num">Effectiveness</th><th scope="col" class="num">Objectives met</th><th scope="col" class="num">Days</th></tr></thead>
<tbody>${report.bySupporter.map((s) => html`<tr><th scope="row">${s.name}</th><td>${s.designation}</td><td class="num">${s.evaluations}</td><td class="num">${rating(s.averageEffectiveness)}</td><td class="num">${rating(s.averageObjectiveRating)}</td><td class="num">${s.days}</td></tr>`)}</tbody></table>`)}`);
}

function movementText(group: ImpactGroup): string {
  const { improved, unchanged, worse } = group.rag;
  return improved + unchanged + worse ? `${improved} improved, ${unchanged} unchanged, ${worse} worse` : 'no deployment has two reports yet';
}

function chartWithTable(id: string, title: string, groups: readonly ImpactGroup[], label: (key: string) => string): Html {
  const chart = barChart({
    id: `chart-${id}`,
    title: `${title}: average rating out of 4 for objectives met (first bar) and supporter effectiveness (second bar). The table gives the figures.`,
    max: 4,
    series: RATING_SERIES,
    rows: groups.map((g) => ({ label: label(g.key), values: [g.averageObjectiveRating, g.averageEffectiveness] })),
    format: rating,
  });
  return html`<h2>${title}</h2><div class="chart-pair"><figure>${chart}</figure>${groupTable(title, title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), groups, label)}</div>`;
}

function groupTable(name: string, heading: string, groups: readonly ImpactGroup[], label: (key: string) => string): Html {
  return scrollingTable(name, html`<table><thead><tr><th scope="col">${heading}</th><th scope="col" class="num">Evaluations</th><th scope="col" class="num">Objectives met</th><th scope="col" class="num">Effectiveness</th><th scope="col">Progress: improved / unchanged / worse</th><th scope="col" class="num">Days</th><th scope="col" class="num">Cost</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${label(g.key)}</th><td class="num">${g.evaluations}</td><td class="num">${rating(g.averageObjectiveRating)}</td><td class="num">${rating(g.averageEffectiveness)}</td><td>${g.rag.improved} / ${g.rag.unchanged} / ${g.rag.worse}</td><td class="num">${g.days}</td><td class="num">${pounds(g.cost)}</td></tr>`)}</tbody></table>`);
}

export async function downloadImpact(ctx: PageContext): Promise<PageResult> {
  const period = periodOf(ctx);
  const report = await summariseImpact(ctx.deps.flows, ctx.person!.allianceId, period);
  return { kind: 'file', fileName: `impact-${report.period.from}-to-${report.period.to}.csv`, contentType: 'text/csv; charset=utf-8', body: impactCsv(report) };
}
