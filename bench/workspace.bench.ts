// Workspace page server time with a 300-school, 10,000-request alliance (issue 15: ≤ 300 ms a page).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp } from '../bot/app.js';
import { loadConfig } from '../services/config/config.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../services/directory/seed-demo.js';
import { PIPELINE_STAGES } from '../services/requests/pipeline.js';
import { SPECIALISMS } from '../services/domain/specialisms.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import type { ReportRow } from './report.js';

const TARGET_MS = 300;
const PAGES = ['/workspace/board', '/workspace/board?stage=matching&phase=primary', '/workspace/directory', '/workspace/directory?q=maths', '/workspace/capacity', '/workspace/impact', '/workspace/finance', '/workspace/delivery'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Seeds 300 schools and 10,000 requests (about a fifth of them open, a fifth delivered and evaluated) straight into the demo alliance. */
async function seed(store: SqliteStore, schools: number, requests: number): Promise<void> {
  const now = new Date().toISOString();
  await store.upsertAll(Array.from({ length: schools }, (_, i) => ({
    id: `school-${800000 + i}`, allianceId: DEMO_ALLIANCE_ID, type: 'school', urn: String(800000 + i), name: `Bench School ${i}`,
    phase: i % 3 ? 'primary' : 'secondary', localAuthority: `Authority ${i % 12}`, updatedAt: now,
  })));
  const closed = ['closed', 'declined', 'withdrawn', 'cancelled'];
  await store.upsertAll(Array.from({ length: requests }, (_, i) => ({
    id: `request-bench-${i}`, allianceId: DEMO_ALLIANCE_ID, type: 'supportRequest', reference: `S2S-2025-${String(i).padStart(5, '0')}`,
    schoolUrn: String(800000 + (i % schools)), requesterId: 'person-bench', specialisms: [SPECIALISMS[i % SPECIALISMS.length]], phase: i % 3 ? 'primary' : 'secondary',
    need: 'Bench need text long enough to be realistic for a support request card on the board.', outcomes: 'Better outcomes.', daysWanted: 4,
    status: i % 5 === 0 ? PIPELINE_STAGES[i % PIPELINE_STAGES.length] : closed[i % closed.length], candidates: [], excludedCandidateIds: [],
    createdVia: 'teams', createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), updatedAt: now, history: [],
  })));
  // Each closed request was delivered: a deployment, a visit report and the school's evaluation (for the impact page).
  const delivered = Array.from({ length: requests }, (_, i) => i).filter((i) => i % 5 !== 0 && closed[i % closed.length] === 'closed');
  await store.upsertAll(delivered.flatMap((i) => {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000 + 30 * 86_400_000).toISOString();
    const ids = { allianceId: DEMO_ALLIANCE_ID, requestId: `request-bench-${i}`, deploymentId: `deployment-bench-${i}`, supporterId: `person-bench-${i % 40}` };
    return [
      { ...ids, id: ids.deploymentId, type: 'deployment', requestReference: `S2S-2025-${String(i).padStart(5, '0')}`, schoolUrn: String(800000 + (i % schools)), baseSchoolUrn: '800000',
        designation: 'SLE', dayRate: 250, daysCommitted: 4, status: 'evaluated', proposedAt: at, effectivenessRating: 1 + (i % 4), createdAt: at, updatedAt: at, history: [] },
      { ...ids, id: `visit-bench-${i}`, type: 'visitReport', visitDate: at.slice(0, 10), objectives: ['Objective'], progress: [{ rag: 'amber', comment: 'Progress.' }],
        activities: 'Worked with staff.', nextSteps: 'Keep going.', daysUsed: 4, noPupilData: true, submittedAt: at, history: [] },
      { ...ids, id: `evaluation-bench-${i}`, type: 'evaluation', evaluatedBy: 'person-bench', objectiveTexts: ['Objective'], objectives: [{ rating: 1 + (i % 4), evidence: 'Seen.' }],
        effectiveness: 1 + (i % 4), overall: 'Helpful.', submittedAt: at, history: [] },
    ];
  }));
}

export async function benchWorkspace({ schools = 300, requests = 10_000, rounds = 20 } = {}): Promise<ReportRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-bench-ws-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'bench.db'), DEMO_SEED: 'on', LOG_LEVEL: 'silent', SCHEDULER: 'off' });
  const app = await startApp(config, { store, logger: pino({ level: 'silent' }), startOutbox: false });
  try {
    await seed(store, schools, requests);
    // Sign in as the demo manager, as the sign-in page's form does.
    const first = await fetch(`${app.url}/workspace/sign-in`);
    let cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1]!;
    const signedIn = await fetch(`${app.url}/workspace/sign-in/demo`, {
      method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: DEMO_IDENTITIES.manager.email }).toString(),
    });
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const rows: ReportRow[] = [];
    for (const page of PAGES) {
      const times: number[] = [];
      for (let round = 0; round <= rounds; round += 1) {
        const started = performance.now();
        const response = await fetch(`${app.url}${page}`, { headers: { cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
        if (round > 0) times.push(performance.now() - started); // the first request warms caches
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      rows.push({
        area: 'workspace', figure: `${page} (${schools} schools, ${requests.toLocaleString('en-GB')} requests)`,
        result: `p50 ${percentile(times, 50).toFixed(0)} / p95 ${p95.toFixed(0)} ms`, target: `≤ ${TARGET_MS} ms`, met: p95 <= TARGET_MS,
      });
    }
    return rows;
  } finally {
    await app.close(1000);
    rmSync(dir, { recursive: true, force: true });
  }
}
