import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import { ConcurrencyError, DuplicateError } from '../errors.js';
import type { DocumentStore } from '../store/document-store.js';

interface ReferenceCounter {
  id: string;
  allianceId: string;
  type: 'counter';
  next: number;
}

const MAX_BACKOFF_MS = 500;
/** With the backoff capped at 500 ms this gives up after about 40 s of losing races. */
const MAX_ATTEMPTS = 150;

/** Hands out S2S-YYYY-NNNN references, unique per alliance and year even with several instances racing. */
export async function nextRequestReference(store: DocumentStore, clock: Clock, allianceId: string): Promise<string> {
  const year = clock.now().getUTCFullYear();
  const id = `counter-request-${year}`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const counter = await store.get<ReferenceCounter>(allianceId, id);
    try {
      if (!counter) {
        await store.create<ReferenceCounter>({ id, allianceId, type: 'counter', next: 2 });
        return format(year, 1);
      }
      await store.replace<ReferenceCounter>({ ...counter, next: counter.next + 1 }, counter._etag);
      return format(year, counter.next);
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof DuplicateError)) throw error;
    }
    // Back off with jitter: retrying at once, dozens of racing submissions keep colliding until some run out of attempts.
    await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
  }
  throw new ConcurrencyError('The request number counter');
}

function format(year: number, n: number): string {
  return `S2S-${year}-${String(n).padStart(4, '0')}`;
}
