import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import { ConcurrencyError, DuplicateError, NotFoundError } from '../errors.js';
import type { DocumentStore, Stored } from '../store/document-store.js';

interface ReferenceCounter {
  id: string;
  allianceId: string;
  type: 'counter';
  next: number;
}

const MAX_BACKOFF_MS = 500;
/** With the backoff capped at 500 ms this gives up after about 40 s of losing races. */
const MAX_ATTEMPTS = 150;

/**
 * Each counter as this process last wrote it, and the queue of its submissions: a reference then
 * costs one etag-checked write and no read, and submissions in one process never race each other.
 * Another instance's write makes the held etag stale; that write fails and the counter is re-read.
 */
interface HotCounter {
  held?: Stored<ReferenceCounter>;
  queue: Promise<unknown>;
}
const hot = new WeakMap<DocumentStore, Map<string, HotCounter>>();

function hotCounter(store: DocumentStore, allianceId: string, id: string): HotCounter {
  let counters = hot.get(store);
  if (!counters) hot.set(store, (counters = new Map()));
  const key = `${allianceId}|${id}`;
  return counters.get(key) ?? counters.set(key, { queue: Promise.resolve() }).get(key)!;
}

/** Hands out S2S-YYYY-NNNN references, unique per alliance and year even with several instances racing. */
export function nextRequestReference(store: DocumentStore, clock: Clock, allianceId: string): Promise<string> {
  const year = clock.now().getUTCFullYear();
  const id = counterId(year);
  const counter = hotCounter(store, allianceId, id);
  const taken = counter.queue.then(() => take(store, counter, allianceId, id));
  counter.queue = taken.catch(() => undefined);
  return taken.then((n) => format(year, n));
}

/**
 * Gives back a reference that was not used (the request turned out to be stored already), if no
 * later one has been handed out since, so a double submission leaves no gap in the numbers.
 */
export function releaseRequestReference(store: DocumentStore, allianceId: string, reference: string): Promise<void> {
  const [, year, n] = /^S2S-(\d{4})-(\d+)$/.exec(reference) ?? [];
  if (!year) return Promise.resolve();
  const counter = hotCounter(store, allianceId, counterId(Number(year)));
  const released = counter.queue.then(async () => {
    const { held } = counter;
    if (held?.next !== Number(n) + 1) return;
    try {
      counter.held = await store.replace<ReferenceCounter>({ ...held, next: Number(n) }, held._etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      counter.held = undefined; // another instance took a later one: the gap stays
    }
  });
  counter.queue = released.catch(() => undefined);
  return released;
}

async function take(store: DocumentStore, counter: HotCounter, allianceId: string, id: string): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = counter.held ?? (await store.get<ReferenceCounter>(allianceId, id));
    try {
      if (!current) {
        counter.held = await store.create<ReferenceCounter>({ id, allianceId, type: 'counter', next: 2 });
        return 1;
      }
      counter.held = await store.replace<ReferenceCounter>({ ...current, next: current.next + 1 }, current._etag);
      return current.next;
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
