import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '../services/clock.js';
import { computeDigest } from '../services/digest/compute-digest.js';
import { newAlliance } from '../services/domain/alliance.js';
import type { AuditEntry } from '../services/domain/audit.js';
import type { Deployment } from '../services/domain/deployment.js';
import { SPECIALISMS } from '../services/domain/specialisms.js';
import type { SupportRequest } from '../services/domain/support-request.js';
import type { DocumentBase } from '../services/store/document-store.js';
import { SqliteStore } from '../services/store/SqliteStore.js';

export interface BenchRow {
  name: string;
  p50: number;
  p95: number;
  /** CPU time of the median run: what the digest costs, whatever else the machine is doing. */
  cpuP50: number;
  target?: string;
}

const HUB = 'bench-hub';
const SCHOOLS = 300;
const SUPPORTERS = 400;
const REQUESTS = 5_000;
const YEAR_START = Date.parse('2025-09-01T00:00:00Z');
const NOW = Date.parse('2026-08-31T08:00:00Z'); // the Monday after the year's last full week
const DAY = 86_400_000;
const STAGES = ['proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated'] as const;

/** Times computeDigest over a year of a 300-school hub (5,000 requests) in a temporary SQLite file. */
export async function benchDigest(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-bench-digest-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  try {
    await store.upsertAll(syntheticYear());
    const ctx = { store, clock: fixedClock(new Date(NOW)) };
    const rows: BenchRow[] = [];
    // The last week touches few records; a week in March makes every later change part of the query.
    for (const [week, label] of [['2026-W35', 'the last full week'], ['2026-W11', 'a week in March']] as const) {
      for (let i = 0; i < 3; i++) await computeDigest(ctx, HUB, week);
      const runs: Array<{ wall: number; cpu: number }> = [];
      for (let i = 0; i < 20; i++) {
        const [start, cpu] = [performance.now(), process.cpuUsage()];
        await computeDigest(ctx, HUB, week);
        const used = process.cpuUsage(cpu);
        runs.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
      }
      const wall = runs.map((r) => r.wall).sort((a, b) => a - b);
      const cpu = runs.map((r) => r.cpu).sort((a, b) => a - b);
      rows.push({
        name: `digest of ${label} (${week}), ${REQUESTS.toLocaleString('en-GB')} requests`,
        p50: round(wall[9]), p95: round(wall[18]), cpuP50: round(cpu[9]), target: 'well under 500 ms',
      });
    }
    return rows;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A seeded year: requests spread over it, most matched, and deployments moving on as time allows. */
function syntheticYear(): DocumentBase[] {
  const random = seeded(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const docs: DocumentBase[] = [{ ...newAlliance({ id: HUB, name: 'Bench Hub', now: new Date(YEAR_START) }) }];
  for (let n = 0; n < SCHOOLS; n++) {
    docs.push({ id: `school-${100000 + n}`, allianceId: HUB, type: 'school', urn: String(100000 + n), name: `School ${n}`, phase: 'primary', updatedAt: iso(YEAR_START) } as DocumentBase);
  }
  for (let n = 0; n < SUPPORTERS; n++) {
    docs.push({ id: `person-s${n}`, allianceId: HUB, type: 'person', name: `Supporter ${n}`, role: 'supporter', updatedAt: iso(YEAR_START) } as DocumentBase);
  }
  for (let n = 0; n < REQUESTS; n++) {
    const created = YEAR_START + Math.floor(random() * (NOW - YEAR_START - DAY));
    const urn = String(100000 + Math.floor(random() * SCHOOLS));
    const steps: Array<[number, string, string?]> = [[created, 'submitted'], [created, 'matching']];
    const deploymentId = `deployment-${n}`;
    let reached = -1;
    if (random() < 0.75) {
      let at = created + (1 + random() * 14) * DAY;
      for (const [index] of STAGES.entries()) {
        if (at >= NOW) break;
        steps.push([at, STAGES[index], index === 0 ? deploymentId : undefined]);
        reached = index;
        at += (3 + random() * 30) * DAY;
      }
    } else if (random() < 0.5 && created + 5 * DAY < NOW) {
      steps.push([created + 5 * DAY, pick(['declined', 'withdrawn', 'on-hold'])]);
    }
    const history: AuditEntry[] = steps.map(([at, to, ref]) => ({ at: iso(at), by: 'person-m', action: 'status', to, ...(ref ? { ref } : {}) }));
    const request: SupportRequest = {
      id: `request-${n}`, allianceId: HUB, type: 'supportRequest', reference: `S2S-2026-${String(n).padStart(4, '0')}`, schoolUrn: urn,
      requesterId: `person-h${urn}`, specialisms: [pick(SPECIALISMS), pick(SPECIALISMS)], phase: 'primary',
      need: 'Support to strengthen the teaching of early reading across key stage 1, with coaching for two teachers.',
      outcomes: 'Phonics screening results rise; consistent practice across classes; leaders able to monitor.',
      daysWanted: 1 + Math.floor(random() * 8), status: steps.at(-1)![1] as SupportRequest['status'],
      candidates: [0, 1, 2].map((k) => ({ personId: `person-s${k}`, name: `Supporter ${k}`, score: 0.9 - k / 10, reason: 'phonics, primary; 6 of 15 days free; rated 3.8/4 on 5 deployments; same local authority' })),
      excludedCandidateIds: [], createdVia: 'teams', createdAt: iso(created), updatedAt: iso(steps.at(-1)![0]), history,
    };
    docs.push(request);
    if (reached >= 0) docs.push(deploymentFor(request, deploymentId, steps.slice(2), random));
  }
  return docs;
}

function deploymentFor(request: SupportRequest, id: string, steps: Array<[number, string, string?]>, random: () => number): Deployment {
  const [proposedAt] = steps[0];
  const status = steps.at(-1)![1] as Deployment['status'];
  return {
    id, allianceId: HUB, type: 'deployment', requestId: request.id, requestReference: request.reference,
    supporterId: `person-s${Math.floor(random() * SUPPORTERS)}`, schoolUrn: request.schoolUrn, schoolHeadIds: [request.requesterId], baseSchoolUrn: '100000', designation: 'SLE',
    dayRate: 250, daysCommitted: request.daysWanted, status, proposedAt: iso(proposedAt), createdAt: iso(proposedAt), updatedAt: iso(steps.at(-1)![0]),
    ...(status === 'evaluated' ? { effectivenessRating: 1 + Math.floor(random() * 4) } : {}),
    history: steps.map(([at, to]) => ({ at: iso(at), by: 'person-m', action: 'status', to })),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchDigest());
}
