import { writeCsv } from '../directory/csv-cells.js';
import type { ImpactReport } from './impact.js';

/** One row per evaluated deployment, flat for Power BI or Excel; lists inside a cell are separated by semicolons. */
export function impactCsv(report: ImpactReport): string {
  return writeCsv(report.lines.map((l) => [
    l.reference, l.evaluatedOn, l.term, l.specialisms.join(';'), l.phase, l.localAuthority, l.supporter, l.designation,
    l.objectiveRatings.join(';'), l.averageObjectiveRating.toFixed(2), l.effectiveness, l.ragFirst.join(';'), l.ragLast.join(';'),
    l.ragMovement ?? '', l.days, l.cost.toFixed(2),
  ]), {
    header: true,
    columns: [
      'reference', 'evaluated_on', 'term', 'specialisms', 'phase', 'local_authority', 'supporter', 'designation',
      'objective_ratings', 'average_objective_rating', 'effectiveness', 'rag_first_visit', 'rag_last_visit', 'rag_movement', 'days', 'cost',
    ],
  });
}
