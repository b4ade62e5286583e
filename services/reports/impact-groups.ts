import type { ImpactLine, RagMovement } from './impact.js';

/** Figures for a set of evaluated deployments: a specialism, a phase, a term, a supporter or all. */
export interface ImpactGroup {
  key: string;
  evaluations: number;
  /** Averages of the 1–4 ratings. */
  averageObjectiveRating: number;
  averageEffectiveness: number;
  rag: Record<RagMovement, number>;
  days: number;
  cost: number;
}

export function average(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Groups lines under each key they have (a line with two specialisms is in both). */
export function groupBy(lines: readonly ImpactLine[], keysOf: (line: ImpactLine) => readonly string[]): ImpactGroup[] {
  const groups = new Map<string, ImpactLine[]>();
  for (const line of lines) for (const key of keysOf(line)) pushTo(groups, key, line);
  return [...groups].map(([key, members]) => group(key, members));
}

export function group(key: string, lines: readonly ImpactLine[]): ImpactGroup {
  const rag = { improved: 0, unchanged: 0, worse: 0 };
  for (const line of lines) if (line.ragMovement) rag[line.ragMovement] += 1;
  return {
    key,
    evaluations: lines.length,
    averageObjectiveRating: average(lines.map((l) => l.averageObjectiveRating)),
    averageEffectiveness: average(lines.map((l) => l.effectiveness)),
    rag,
    days: lines.reduce((sum, l) => sum + l.days, 0),
    cost: Math.round(lines.reduce((sum, l) => sum + l.cost, 0) * 100) / 100,
  };
}

export function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
