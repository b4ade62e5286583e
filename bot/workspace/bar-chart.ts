import { scaleBand, scaleLinear } from 'd3-scale';
import { html, type Html } from './html.js';

export interface BarSeries {
  name: string;
  /** Fill colour, at least 3:1 against white (WCAG 1.4.11). */
  colour: string;
}

export interface BarChart {
  /** Unique on the page: names the chart's title and description. */
  id: string;
  title: string;
  /** The value axis runs from 0 to max. */
  max: number;
  series: readonly BarSeries[];
  rows: ReadonlyArray<{ label: string; values: readonly number[] }>;
  format: (value: number) => string;
}

// Drawn in a narrow box so that text stays readable when the chart shrinks to a phone's width.
const WIDTH = 420;
const LABEL = 18;
const BAR = 14;
const VALUE_ROOM = 36;
const AXIS = 24;

/**
 * A horizontal bar chart as server-rendered SVG (d3-scale does the arithmetic): each row's label
 * above its bars, one bar per series, the value at the end of each bar. It is an image with a
 * title; the page puts the same figures in a table beside it, which is what assistive technology reads.
 */
export function barChart(chart: BarChart): Html {
  const rowHeight = LABEL + chart.series.length * (BAR + 2) + 10;
  const height = chart.rows.length * rowHeight + AXIS;
  const x = scaleLinear().domain([0, chart.max]).range([0, WIDTH - VALUE_ROOM]);
  const y = scaleBand<number>().domain(chart.rows.map((_, i) => i)).range([0, height - AXIS]);
  const bar = scaleBand<number>().domain(chart.series.map((_, i) => i)).range([LABEL, LABEL + chart.series.length * (BAR + 2)]).paddingInner(0.1);
  const ticks = x.ticks(4);
  return html`${chart.series.length > 1 ? html`<p class="legend" aria-hidden="true">${chart.series.map((s) => html`<span><span class="swatch" style="background:${s.colour}"></span>${s.name}</span>`)}</p>` : ''}
<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${chart.id}-title" focusable="false">
<title id="${chart.id}-title">${chart.title}</title>
${ticks.map((t) => html`<line x1="${x(t)}" x2="${x(t)}" y1="0" y2="${height - AXIS}" stroke="#c8c8d0"/><text x="${x(t)}" y="${height - 6}" text-anchor="middle" font-size="12" fill="#505059">${chart.format(t)}</text>`)}
${chart.rows.map((row, i) => html`<g transform="translate(0 ${y(i)})">
<text x="0" y="13" font-size="13" fill="#1b1b1f">${row.label}</text>
${row.values.map((value, s) => html`<rect x="0" y="${bar(s)}" width="${Math.max(1, x(Math.min(value, chart.max)))}" height="${bar.bandwidth()}" fill="${chart.series[s]!.colour}"/><text x="${x(Math.min(value, chart.max)) + 4}" y="${bar(s)! + bar.bandwidth() - 3}" font-size="12" fill="#1b1b1f">${chart.format(value)}</text>`)}
</g>`)}
</svg>`;
}
