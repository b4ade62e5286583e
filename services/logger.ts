import { createRequire } from 'node:module';
import { pino, stdTimeFunctions, type Logger } from 'pino';
import type pretty from 'pino-pretty';

export type { Logger };

/**
 * Logs with ISO times. Production writes one JSON object a line (for App Service and log queries);
 * local mode writes readable lines for a person at a terminal. Tests pass `silent`.
 */
export function createLogger(level: string, mode: 'local' | 'production' = 'production'): Logger {
  const options = { level, base: { service: 's2s-bot' }, timestamp: stdTimeFunctions.isoTime };
  if (mode === 'production' || level === 'silent') return pino(options);
  // Loaded only here: production never pays the memory for pino-pretty and its dependencies.
  const prettyStream = createRequire(import.meta.url)('pino-pretty') as typeof pretty;
  // Synchronous, so a line is on screen before the process exits (a refused start, Ctrl-C).
  return pino(options, prettyStream({ sync: true, translateTime: false, ignore: 'pid,hostname,service' }));
}
