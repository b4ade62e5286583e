import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface ReportRow {
  area: string;
  figure: string;
  result: string;
  target: string;
  /** true met, false missed, undefined no target (context only) or not measured. */
  met?: boolean;
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  memoryGb: number;
  loadBefore: string;
  loadAfter?: string;
  date: string;
}

export function describeMachine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch { /* not Linux */ }
  return {
    cores: availableParallelism(),
    cpu,
    node: process.version,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadBefore: loadavg().map((n) => n.toFixed(2)).join(' '),
    date: new Date().toISOString(),
  };
}

const verdict = (row: ReportRow) => (row.met === undefined ? '' : row.met ? 'yes' : 'NO');

/** One plain-text table for the terminal. */
export function formatTable(rows: ReportRow[]): string {
  const header = ['Area', 'Figure', 'Result', 'Target', 'Met'];
  const cells = rows.map((r) => [r.area, r.figure, r.result, r.target, verdict(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function formatMarkdown(rows: ReportRow[]): string {
  const escape = (v: string) => v.replace(/\|/g, '\\|');
  return [
    '| Area | Figure | Result | Target | Met |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.area, r.figure, r.result, r.target, verdict(r)].map(escape).join(' | ')} |`),
  ].join('\n');
}
