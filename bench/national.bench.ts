// National scale (issue 16): many alliances in one store, from a small trust to a full hub, each with
// three years of requests, deployments, visit reports and evaluations. Measures what a turn costs in
// the smallest and in the largest alliance, and the Monday digest of every alliance with two
// instances ticking at once.
//   BENCH_NATIONAL=sqlite:87:1,cosmos:10:0.1   (store:alliances:scale[:years]; scale multiplies every size, 3 years by default)
import { pathToFileURL } from 'node:url';
import { generateAlliance, writeAll, type AllianceShape, type GeneratedSpeakers } from '../scripts/generate-directory.js';
import { fixedClock } from '../services/clock.js';
import { weeklyDigestOnce } from '../services/digest/digest-once.js';
import { dueDigestWeek, runDigestTick } from '../services/digest/digest-scheduler.js';
import { parseIsoWeek, previousIsoWeek } from '../services/digest/iso-week.js';
import type { StoredDigest } from '../services/digest/stored-digest.js';
import type { OutboxMessage } from '../services/notifications/outbox-message.js';
import type { DocumentStore } from '../services/store/document-store.js';
import { countingStore, type TurnCost } from '../test/helpers/counting-store.js';
import { SHARED_STORE_KINDS, type SharedStore, type SharedStoreKind } from '../test/helpers/shared-store.js';
import { TeamsHarness } from '../test/helpers/teams-harness.js';
import type { ReportRow } from './report.js';
import { BENCH_NOW } from './bench-alliance.js';
import { intentFixtures, measureIntents, type MeasuredIntent } from './turn-cost.bench.js';

/** A hub as issue 16 sizes it: 250 schools, 300 supporters, about 800 requests a year. */
const HUB = { schools: 250, supporters: 300, requestsPerYear: 800 };
/** The smallest alliance: a trust of 40 schools, with requests in the same proportion to its schools. */
const TRUST = { schools: 40, supporters: 50, requestsPerYear: 130 };
/** The least a scaled-down alliance has (the decision turns act on requests the bench adds as waiting). */
const FLOOR = { schools: 2, supporters: 2, requestsPerYear: 10 };
const YEARS = 3;
/** Issue 16: the Monday digest of every alliance within 5 minutes across two instances. */
const DIGEST_LIMIT_MS = 5 * 60_000;

export interface NationalOptions {
  kind: SharedStoreKind;
  alliances: number;
  /** Multiplies every alliance's schools, supporters and requests: 1 is national size. */
  scale: number;
  /** Years of history (3 by default). */
  years?: number;
  /** The intents to measure (all by default). */
  intents?: string[];
  /** Where progress lines go (nowhere by default). */
  log?: (line: string) => void;
}

export interface MeasuredAlliance extends AllianceShape {
  intents: MeasuredIntent[];
}

export interface NationalDigest {
  week: string;
  /** Two instances' ticks, started together, until both finished. */
  wallMs: number;
  /** Digests of the week stored, and the alliances they belong to. */
  stored: number;
  storedAlliances: number;
  /** Outbox messages that post the week's digest, and the alliances they go to. */
  messages: number;
  messageAlliances: number;
  /** Digests each tick queued, and alliances a tick failed for. */
  queued: [number, number];
  errors: number;
  /** What both ticks read and called, together. */
  cost: TurnCost;
  /** One instance computing the week before's digests, which this week's then start from. */
  weekBeforeMs: number;
}

export interface NationalRun {
  store: string;
  alliances: number;
  scale: number;
  years: number;
  documents: number;
  generationMs: number;
  smallest: MeasuredAlliance;
  largest: MeasuredAlliance;
  digest: NationalDigest;
}

/**
 * The alliances' sizes: the first is a small trust, the next fifth grow to a full hub, and the rest
 * (most of them) are full hubs. Each links a Slack managers' channel, where its digest goes.
 */
function nationalShapes(alliances: number, scale: number, years = YEARS): AllianceShape[] {
  const growing = Math.max(1, Math.round(alliances / 5));
  return Array.from({ length: alliances }, (_, n) => {
    const grown = Math.min(1, n / growing);
    const size = (key: keyof typeof HUB) => Math.max(FLOOR[key], Math.round((TRUST[key] + (HUB[key] - TRUST[key]) * grown) * scale));
    const allianceId = `national-${String(n + 1).padStart(2, '0')}`;
    return {
      allianceId, schools: size('schools'), supporters: size('supporters'), requestsPerYear: size('requestsPerYear'), years, now: BENCH_NOW,
      managerChannel: { slack: { channelId: `C0${allianceId.toUpperCase().replace('-', '')}`, linkedBy: 'generated', linkedAt: BENCH_NOW.toISOString() } },
    };
  });
}

const people = (shape: AllianceShape) => shape.schools + shape.supporters;

/** Generates every alliance into one store (the smallest's and the largest's intent fixtures too), timed. */
async function generate(store: DocumentStore, shapes: AllianceShape[], measured: AllianceShape[], log: (line: string) => void): Promise<{ speakers: Map<string, GeneratedSpeakers>; documents: number; ms: number }> {
  const counting = countingStore(store);
  const speakers = new Map<string, GeneratedSpeakers>();
  const started = Date.now();
  for (const shape of shapes) {
    speakers.set(shape.allianceId, await generateAlliance(counting.store, shape));
    if (measured.includes(shape)) await writeAll(counting.store, intentFixtures(shape.allianceId, speakers.get(shape.allianceId)!));
    if (shapes.length > 10 && speakers.size % 10 === 0) log(`  ${speakers.size} of ${shapes.length} alliances generated…\n`);
  }
  return { speakers, documents: counting.cost().documentsWritten, ms: Date.now() - started };
}

/** Per-intent turn cost in each measured alliance, over HTTP to one bot on the shared store. */
async function measureAlliances(shared: SharedStore, measured: AllianceShape[], speakers: Map<string, GeneratedSpeakers>, intents?: string[]): Promise<MeasuredAlliance[]> {
  const counting = countingStore(await shared.connect(), { turnsOnly: true });
  const harness = new TeamsHarness(async () => counting.store);
  harness.brokerInBackground = true;
  await harness.start();
  try {
    const results: MeasuredAlliance[] = [];
    for (const shape of measured) results.push({ ...shape, intents: await measureIntents(harness, counting, shape.allianceId, speakers.get(shape.allianceId)!, intents) });
    return results;
  } finally {
    await harness.stop();
  }
}

/**
 * The Monday digest of every alliance: the week before's digests are computed first (as last Monday
 * would have), then two instances, each with its own connection, tick at once on the same store.
 * They share this process, so the wall time includes both instances' work on one event loop.
 */
async function nationalDigest(shared: SharedStore, allianceIds: string[]): Promise<NationalDigest> {
  const clock = fixedClock(BENCH_NOW);
  const week = dueDigestWeek(clock.now())!;
  const weekBefore = previousIsoWeek(parseIsoWeek(week).start);
  const first = await shared.connect();
  let started = Date.now();
  for (const allianceId of allianceIds) await weeklyDigestOnce({ store: first, clock }, allianceId, weekBefore);
  const weekBeforeMs = Date.now() - started;

  const instances = [countingStore(first), countingStore(await shared.connect())];
  started = Date.now();
  const ticks = await Promise.all(instances.map((instance, n) => runDigestTick({ store: instance.store, clock }, clock.now(), { holder: `instance-${n + 1}` })));
  const wallMs = Date.now() - started;
  const [one, two] = instances.map((instance) => instance.cost());

  const stored = await first.queryAllAlliances<StoredDigest>({ type: 'weeklyDigest', where: [{ field: 'week', op: 'eq', value: week }] });
  const messages = (await first.queryAllAlliances<OutboxMessage>({ type: 'outbox' }))
    .filter((message) => message.event.kind === 'weeklyDigest' && message.event.week === week);
  const queued = ticks.map((tick) => tick.posts.filter((post) => post.outcome === 'queued').length) as [number, number];
  return {
    week, wallMs, weekBeforeMs, queued, errors: ticks.reduce((sum, tick) => sum + tick.errors.length, 0),
    stored: stored.length, storedAlliances: new Set(stored.map((digest) => digest.allianceId)).size,
    messages: messages.length, messageAlliances: new Set(messages.map((message) => message.allianceId)).size,
    cost: {
      calls: Object.fromEntries([...new Set([...Object.keys(one.calls), ...Object.keys(two.calls)])].map((m) => [m, (one.calls[m] ?? 0) + (two.calls[m] ?? 0)])),
      storeCalls: one.storeCalls + two.storeCalls,
      documentsRead: one.documentsRead + two.documentsRead,
      kbRead: Math.round((one.kbRead + two.kbRead) * 10) / 10,
      documentsWritten: one.documentsWritten + two.documentsWritten,
      crossPartitionQueries: one.crossPartitionQueries + two.crossPartitionQueries,
    },
  };
}

/** One national run on one kind of store. */
export async function benchNational(options: NationalOptions): Promise<NationalRun> {
  const shapes = nationalShapes(options.alliances, options.scale, options.years);
  const bySize = [...shapes].sort((a, b) => people(a) - people(b));
  const measured = [bySize[0], bySize.at(-1)!];
  const log = options.log ?? (() => undefined);
  const shared = await options.kind.open();
  try {
    const generated = await generate(await shared.connect(), shapes, measured, log);
    log(`  ${generated.documents.toLocaleString('en-GB')} documents generated in ${seconds(generated.ms)}; measuring turns…\n`);
    const [smallest, largest] = await measureAlliances(shared, measured, generated.speakers, options.intents);
    log('  turns measured; Monday digest…\n');
    const digest = await nationalDigest(shared, shapes.map((shape) => shape.allianceId));
    return {
      store: options.kind.name, alliances: options.alliances, scale: options.scale, years: shapes[0].years, documents: generated.documents, generationMs: generated.ms,
      smallest, largest, digest,
    };
  } finally {
    await shared.close();
  }
}

/** BENCH_NATIONAL: which stores, how many alliances and at what scale. */
export function nationalOptions(spec = process.env.BENCH_NATIONAL ?? 'sqlite:87:1,cosmos:10:0.1'): NationalOptions[] {
  return spec.split(',').filter(Boolean).map((part) => {
    const [store, alliances, scale, years] = part.split(':');
    const kind = SHARED_STORE_KINDS.find((k) => k.name.toLowerCase().startsWith(store.toLowerCase()));
    if (!kind) throw new Error(`BENCH_NATIONAL: unknown store ${JSON.stringify(store)} (sqlite or cosmos)`);
    return { kind, alliances: Number(alliances ?? 87), scale: Number(scale ?? 1), years: Number(years ?? YEARS), log: (line) => process.stderr.write(line) };
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sizeOf = (a: AllianceShape) => `${a.schools} schools, ${a.supporters} supporters, ${(a.requestsPerYear * a.years).toLocaleString('en-GB')} requests`;

export function nationalRows(run: NationalRun): ReportRow[] {
  const area = `national (${run.store})`;
  const { smallest, largest, digest } = run;
  const rows: ReportRow[] = [{
    area,
    figure: `${run.alliances} alliances in one store${run.scale === 1 ? '' : ` at ${run.scale}× national size`}, ${run.years} years of history each`,
    result: `${run.documents.toLocaleString('en-GB')} documents generated in ${seconds(run.generationMs)}`,
    target: '—',
  }];
  for (const small of smallest.intents) {
    const large = largest.intents.find((cost) => cost.intent === small.intent)!;
    rows.push({
      area,
      figure: `${small.intent}: store calls / documents read per turn, smallest (${sizeOf(smallest)}) → largest (${sizeOf(largest)})`,
      result: `${small.storeCalls} / ${small.documentsRead} → ${large.storeCalls} / ${large.documentsRead}`,
      target: 'the same in both',
      met: small.storeCalls === large.storeCalls && small.documentsRead === large.documentsRead,
    });
  }
  const alliances = run.alliances;
  rows.push({
    area,
    figure: `Monday digest (${digest.week}) of all ${alliances} alliances, two instances ticking at once`,
    result: `${seconds(digest.wallMs)}; ${digest.stored} digests stored (${digest.storedAlliances} alliances), ${digest.messages} outbox messages `
      + `(${digest.messageAlliances} alliances), queued ${digest.queued.join(' + ')}, ${digest.errors} errors; `
      + `${digest.cost.documentsRead.toLocaleString('en-GB')} documents read in ${digest.cost.storeCalls.toLocaleString('en-GB')} store calls `
      + `(${Math.round(digest.cost.documentsRead / alliances)} per alliance)`,
    target: `≤ ${DIGEST_LIMIT_MS / 60_000} min; exactly one digest and one message per alliance`,
    met: digest.wallMs <= DIGEST_LIMIT_MS && digest.errors === 0
      && [digest.stored, digest.storedAlliances, digest.messages, digest.messageAlliances, digest.queued[0] + digest.queued[1]].every((n) => n === alliances),
  });
  rows.push({
    area,
    figure: `the week before's digests (first of the chain, no earlier week stored), one instance, ${alliances} alliances`,
    result: seconds(digest.weekBeforeMs),
    target: '—',
  });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const options of nationalOptions()) {
    process.stderr.write(`national: ${options.alliances} alliances at ${options.scale}× on ${options.kind.name}…\n`);
    for (const row of nationalRows(await benchNational(options))) console.log(`${row.met === undefined ? ' ' : row.met ? '✓' : '✗'} ${row.figure}: ${row.result}`);
  }
  process.exit(0);
}
