import { pathToFileURL } from 'node:url';
import type { Person } from '../services/domain/person.js';
import { PHASES } from '../services/domain/phases.js';
import { SPECIALISMS } from '../services/domain/specialisms.js';
import type { MatchNeed, SchoolFacts, Workload } from '../services/matching/match-scoring.js';
import { rankSupporters, type RankInput } from '../services/matching/rank-supporters.js';

export interface BenchRow {
  name: string;
  p50: number;
  p95: number;
  target?: string;
}

const SIZES = [1_000, 10_000, 50_000];
const TARGET_SIZE = 10_000;

/** Times the pure ranking core picking the top 10 of synthetic directories, warmed up first. */
export async function benchMatching(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const input = syntheticInput(size);
    const runs = Math.max(50, Math.round(2_000_000 / size));
    for (let i = 0; i < runs / 4; i++) rankSupporters(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      rankSupporters(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({
      name: `rank top 10 of ${size.toLocaleString('en-GB')} supporters`,
      p50: round(percentile(times, 0.5)),
      p95: round(percentile(times, 0.95)),
      ...(size === TARGET_SIZE ? { target: 'p95 ≤ 5 ms' } : {}),
    });
  }
  return rows;
}

/** A seeded directory so every run ranks the same data. */
function syntheticInput(size: number): RankInput {
  const random = seeded(size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const schools = new Map<string, SchoolFacts>();
  for (let n = 0; n < Math.max(10, size / 10); n++) {
    const urn = String(100000 + n);
    schools.set(urn, {
      urn,
      name: `School ${n}`,
      localAuthority: `Authority ${n % 40}`,
      postcode: `${pick(['B', 'BS', 'CV', 'LE', 'NG', 'DE', 'WS', 'WV'])}${1 + (n % 20)} ${n % 10}AA`,
      ...(n % 3 === 0 ? { trust: `Trust ${n % 60}` } : {}),
    });
  }
  const urns = [...schools.keys()];
  const supporters: Person[] = [];
  const workloads = new Map<string, Workload>();
  for (let n = 0; n < size; n++) {
    const id = `person-${n}`;
    supporters.push({
      id, allianceId: 'bench', type: 'person', email: `p${n}@example.org`, name: `Supporter ${n % 997}`,
      role: 'supporter', designation: 'SLE', baseSchoolUrn: pick(urns),
      specialisms: [pick(SPECIALISMS), pick(SPECIALISMS), pick(SPECIALISMS)], phases: [pick(PHASES), pick(PHASES)],
      daysPerYear: 5 + Math.floor(random() * 25), updatedAt: '2025-09-01T00:00:00.000Z',
    });
    if (random() < 0.7) {
      const ratingCount = Math.floor(random() * 8);
      workloads.set(id, {
        daysCommitted: Math.floor(random() * 20),
        recentDeployments: Math.floor(random() * 3),
        ratingCount,
        ...(ratingCount > 0 ? { ratingAverage: 1 + random() * 3 } : {}),
      });
    }
  }
  const need: MatchNeed = { specialisms: ['phonics'], phase: 'primary', daysWanted: 4, schoolUrn: urns[0] };
  return { need, supporters, schools, workloads, limit: 10 };
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchMatching());
}
