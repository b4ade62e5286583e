import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import { ConcurrencyError, DuplicateError, NotFoundError } from '../errors.js';
import type { DocumentStore, Stored } from '../store/document-store.js';

interface ReferenceCounter {
  id: string;
  allianceId: string;
  type: 'counter';
  /** The first number no instance has reserved yet. */
  next: number;
}

/** Numbers an instance reserves at a time: one counter write per block, and at most this many lost if it crashes. */
export const REFERENCE_BLOCK = 5;
const MAX_BACKOFF_MS = 500;
/** With the backoff capped at 500 ms this gives up after about 40 s of losing races. */
const MAX_ATTEMPTS = 150;

/**
 * The numbers this process has reserved on a counter ([from, to) ranges, in order), the counter as
 * it last wrote it, and the reservation under way. The next block is reserved in the background
 * while the last number of this one is handed out, so a submission normally costs no counter call.
 */
interface HotCounter {
  ranges: Array<[from: number, to: number]>;
  held?: Stored<ReferenceCounter>;
  reserving?: Promise<void>;
  lastHanded?: number;
}
const hot = new WeakMap<DocumentStore, Map<string, HotCounter>>();
/** Runs a background reservation outside the turn that started it, so the turn's metered cost is its own. */
const outsideTurns = AsyncLocalStorage.snapshot();

function hotCounter(store: DocumentStore, allianceId: string, id: string): HotCounter {
  let counters = hot.get(store);
  if (!counters) hot.set(store, (counters = new Map()));
  const key = `${allianceId}|${id}`;
  return counters.get(key) ?? counters.set(key, { ranges: [] }).get(key)!;
}

/**
 * Hands out S2S-YYYY-NNNN references, unique per alliance and year with several instances racing:
 * each instance takes numbers from blocks it reserved with an etag-checked write. Numbers from one
 * instance rise; two instances' numbers interleave by block; a crash leaves its unused ones unused.
 */
export async function nextRequestReference(store: DocumentStore, clock: Clock, allianceId: string): Promise<string> {
  const year = clock.now().getUTCFullYear();
  const id = counterId(year);
  const counter = hotCounter(store, allianceId, id);
  while (!counter.ranges.length) await reserve(store, counter, allianceId, id);
  const range = counter.ranges[0];
  const n = range[0]++;
  if (range[0] >= range[1]) counter.ranges.shift();
  counter.lastHanded = n;
  // Down to the last reserved number: reserve the next block off this turn; a failure is retried by the next call.
  if (!counter.ranges.length || (counter.ranges.length === 1 && counter.ranges[0][1] - counter.ranges[0][0] <= 1)) {
    outsideTurns(() => reserve(store, counter, allianceId, id)).catch(() => undefined);
  }
  return format(year, n);
}

/**
 * Gives back a reference that was not used (the request turned out to be stored already), if it is
 * the last one this process handed out, so a double submission leaves no gap in the numbers.
 */
export function releaseRequestReference(store: DocumentStore, allianceId: string, reference: string): void {
  const [, year, digits] = /^S2S-(\d{4})-(\d+)$/.exec(reference) ?? [];
  if (!year) return;
  const counter = hotCounter(store, allianceId, counterId(Number(year)));
  const n = Number(digits);
  if (counter.lastHanded !== n) return;
  counter.ranges.unshift([n, n + 1]);
  counter.lastHanded = undefined;
}

/** Reserves the next block; callers in this process share one reservation at a time. */
function reserve(store: DocumentStore, counter: HotCounter, allianceId: string, id: string): Promise<void> {
  counter.reserving ??= reserveBlock(store, counter, allianceId, id).finally(() => { counter.reserving = undefined; });
  return counter.reserving;
}

async function reserveBlock(store: DocumentStore, counter: HotCounter, allianceId: string, id: string): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = counter.held ?? (await store.get<ReferenceCounter>(allianceId, id));
    try {
      const from = current?.next ?? 1;
      counter.held = current
        ? await store.replace<ReferenceCounter>({ ...current, next: from + REFERENCE_BLOCK }, current._etag)
        : await store.create<ReferenceCounter>({ id, allianceId, type: 'counter', next: from + REFERENCE_BLOCK });
      counter.ranges.push([from, from + REFERENCE_BLOCK]);
      return;
    } catch (error) {
      counter.held = undefined;
      if (!(error instanceof ConcurrencyError || error instanceof DuplicateError || error instanceof NotFoundError)) throw error;
    }
    // Another instance wrote first: the first retry re-reads at once (the held copy was stale), later
    // ones back off with jitter, since racing instances that retry at once keep colliding.
    if (attempt > 0) await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
  }
  throw new ConcurrencyError('The request number counter');
}

function counterId(year: number): string {
  return `counter-request-${year}`;
}

function format(year: number, n: number): string {
  return `S2S-${year}-${String(n).padStart(4, '0')}`;
}
