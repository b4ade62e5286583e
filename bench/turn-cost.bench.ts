// What one turn costs the store, per intent, as the directory and the history grow: store calls,
// documents read and KB read (machine-independent), and the request units that implies on Cosmos DB.
//   BENCH_SIZES=1000:1000,10000:10000,50000:100000  (people:requests per generated alliance)
import { pathToFileURL } from 'node:url';
import type { GeneratedSpeakers } from '../scripts/generate-directory.js';
import type { DocumentBase } from '../services/store/document-store.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { benchIntents, benchSpeaker, generateHub } from './bench-alliance.js';
import { postMatchFixtures } from './post-match-fixtures.js';
import type { ReportRow } from './report.js';
import { countingStore, type CountingStore, type TurnCost } from '../test/helpers/counting-store.js';
import { personalChat, TeamsHarness } from '../test/helpers/teams-harness.js';

/** One intent's average cost per turn in a generated alliance. */
export interface MeasuredIntent extends TurnCost {
  intent: string;
  /** Estimated Cosmos DB request units for the turn (see estimateRequestUnits). */
  requestUnits: number;
}

export interface IntentCost extends MeasuredIntent {
  people: number;
  requests: number;
}

const ALLIANCE = 'bench-hub';
const MEASURED = 5;

/**
 * Request units from the counted calls. Sources: Microsoft's "Request Units in Azure Cosmos DB"
 * (a point read of a 1 KB item costs 1 RU, and reads scale with size) and its guidance that a write
 * of a 1 KB item with default indexing costs about 5 RU; a query is taken as 2.5 RU for the
 * execution plus 1 RU per KB returned. An estimate to compare turns, not a bill.
 */
export function estimateRequestUnits(cost: TurnCost): number {
  const reads = (cost.calls.get ?? 0) * 1;
  const queries = ((cost.calls.query ?? 0) + (cost.calls.queryAllAlliances ?? 0)) * 2.5;
  const writes = ((cost.calls.create ?? 0) + (cost.calls.replace ?? 0) + (cost.calls.upsert ?? 0) + (cost.calls.delete ?? 0)) * 5;
  return Math.round((reads + queries + writes + cost.kbRead) * 10) / 10;
}

function average(costs: TurnCost[]): TurnCost {
  const sum = (pick: (c: TurnCost) => number) => Math.round((costs.reduce((s, c) => s + pick(c), 0) / costs.length) * 10) / 10;
  const methods = [...new Set(costs.flatMap((c) => Object.keys(c.calls)))];
  return {
    calls: Object.fromEntries(methods.map((m) => [m, sum((c) => c.calls[m] ?? 0)])),
    storeCalls: sum((c) => c.storeCalls),
    documentsRead: sum((c) => c.documentsRead),
    kbRead: sum((c) => c.kbRead),
    documentsWritten: sum((c) => c.documentsWritten),
    crossPartitionQueries: sum((c) => c.crossPartitionQueries),
  };
}

type Turn = (n: number) => Promise<{ status: number }>;

/** One unmeasured turn (number 0), then the average of MEASURED turns (1 to MEASURED). */
async function measure(harness: TeamsHarness, counting: CountingStore, turn: Turn): Promise<TurnCost> {
  await turn(0);
  const costs: TurnCost[] = [];
  for (let n = 1; n <= MEASURED; n++) {
    // Work a turn hands to the background (brokering a new request) is not the turn's.
    await harness.app.broker?.idle();
    counting.reset();
    const answer = await turn(n);
    if (answer.status !== 200) throw new Error(`turn answered ${answer.status}`);
    costs.push(counting.cost());
  }
  await harness.app.broker?.idle();
  return average(costs);
}

/** What the measured intents act on besides the generated alliance: plans waiting for the head, visits waiting for a report. */
export function intentFixtures(allianceId: string, speakers: GeneratedSpeakers): DocumentBase[] {
  return postMatchFixtures(allianceId, speakers, MEASURED);
}

/**
 * Per-intent turn cost in one generated alliance (with its intentFixtures stored), over HTTP to a
 * running bot whose store is `counting` (counting turns only): one unmeasured turn, then the
 * average of the measured ones; `only` names the intents to measure (all by default). Each intent
 * acts on records of `allianceId` only, so several alliances of one store can be measured in turn.
 */
export async function measureIntents(
  harness: TeamsHarness, counting: CountingStore, allianceId: string, speakers: GeneratedSpeakers, only?: string[],
): Promise<MeasuredIntent[]> {
  const results: MeasuredIntent[] = [];
  for (const intent of benchIntents(allianceId).filter(({ name }) => !only || only.includes(name))) {
    const user = benchSpeaker(allianceId, speakers, intent.speaker);
    const place = intent.place ?? personalChat(user);
    const cost = await measure(harness, counting, (n) => harness.post(harness.activity(user, place, intent.fields(n))));
    results.push({ intent: intent.name, ...cost, requestUnits: estimateRequestUnits(cost) });
  }
  return results;
}

/** Per-intent turn cost on a generated alliance of `people` people and `requests` requests over three years. */
export async function benchTurnCost(people: number, requests: number): Promise<IntentCost[]> {
  let counting!: CountingStore;
  let speakers!: GeneratedSpeakers;
  const harness = new TeamsHarness(async (path) => {
    const inner = new SqliteStore(path);
    speakers = await generateHub(inner, ALLIANCE, people, requests);
    await inner.upsertAll(intentFixtures(ALLIANCE, speakers));
    counting = countingStore(inner, { turnsOnly: true });
    return counting.store;
  });
  harness.brokerInBackground = true;
  await harness.start();
  try {
    return (await measureIntents(harness, counting, ALLIANCE, speakers)).map((cost) => ({ ...cost, people, requests }));
  } finally {
    await harness.stop();
  }
}

/** Serverless Cosmos DB, UK South list price: $0.25 per million request units (Azure pricing page, 2026). */
const DOLLARS_PER_MILLION_RU = 0.25;
/**
 * Turns a hub makes in a month, by intent: 250 heads and 300 supporters, 800 requests a year (about 70
 * a month, each with a manager decision), each person checking in a few times a month.
 */
const MONTHLY_TURNS: Record<string, number> = {
  help: 1_500, 'find a supporter': 1_000, 'show request form': 100, 'submit request': 70, 'my requests': 2_000, 'manager decision (hold)': 150,
  // Three parties confirm each of about 50 plans a month; about 150 visits are reported.
  'plan confirm (head)': 150, 'visit report (supporter)': 150,
};
const HUBS = 87;

/** The bench table's rows: each intent's cost at every size, with the targets the issue sets. */
export function turnCostRows(cells: IntentCost[]): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const intent of [...new Set(cells.map((c) => c.intent))]) {
    const mine = cells.filter((c) => c.intent === intent);
    const flat = mine.every((c) => c.documentsRead === mine[0].documentsRead && c.storeCalls === mine[0].storeCalls);
    const callTarget = intent === 'submit request' ? 4 : 3;
    const docTarget = intent === 'find a supporter' ? 50 : undefined;
    rows.push({
      area: 'turn cost',
      figure: `${intent}: store calls / documents read / KB read at ${mine.map((c) => `${c.people.toLocaleString('en-GB')} people + ${c.requests.toLocaleString('en-GB')} requests`).join(', ')}`,
      result: mine.map((c) => `${c.storeCalls} / ${c.documentsRead} / ${c.kbRead} KB`).join(' → ') + `; ≈ ${mine.at(-1)!.requestUnits} RU`,
      target: `same at every size${docTarget ? `, ≤ ${docTarget} documents` : ''}; ≤ ${callTarget} calls`,
      met: flat && mine.every((c) => c.storeCalls <= callTarget && (docTarget === undefined || c.documentsRead <= docTarget)),
    });
  }
  const largest = cells.filter((c) => c.people === Math.max(...cells.map((x) => x.people)));
  const ruPerMonth = largest.reduce((sum, c) => sum + c.requestUnits * (MONTHLY_TURNS[c.intent] ?? 0), 0);
  const dollars = (ru: number) => `$${((ru / 1e6) * DOLLARS_PER_MILLION_RU).toFixed(2)}`;
  rows.push({
    area: 'turn cost',
    figure: 'conversation turns per month on serverless Cosmos DB (RU per turn × turns per month × $0.25 per million RU)',
    result: `one hub ≈ ${Math.round(ruPerMonth).toLocaleString('en-GB')} RU ≈ ${dollars(ruPerMonth)}; ${HUBS} hubs ≈ ${dollars(ruPerMonth * HUBS)}`,
    target: '—',
  });
  return rows;
}

export function benchSizes(): Array<[number, number]> {
  return (process.env.BENCH_SIZES ?? '1000:1000,10000:10000,50000:100000').split(',').map((pair) => {
    const [people, requests] = pair.split(':').map(Number);
    return [people, requests];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [people, requests] of benchSizes()) console.table(await benchTurnCost(people, requests));
  process.exit(0);
}
