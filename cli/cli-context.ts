import { loadEnvironment } from '../services/config/load-environment.js';
import { loadConfig, type Config } from '../services/config/config.js';
import type { DocumentStore } from '../services/store/document-store.js';
import { openStore } from '../services/store/open-store.js';
import { systemClock, type Clock } from '../services/clock.js';

export interface CliContext {
  config: Config;
  store: DocumentStore;
  clock: Clock;
  /** Progress and results for people go to stderr so stdout stays clean for CSV and JSON. */
  log: (line: string) => void;
  out: NodeJS.WritableStream;
}

/** Opens config and store for one command and always closes the store afterwards. */
export async function withCliContext<R>(work: (context: CliContext) => Promise<R>): Promise<R> {
  const config = loadConfig(loadEnvironment(process.env));
  const store = await openStore(config.store);
  try {
    return await work({ config, store, clock: systemClock, log: (line) => process.stderr.write(`${line}\n`), out: process.stdout });
  } finally {
    await store.close();
  }
}
