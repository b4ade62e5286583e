import { pino, stdTimeFunctions, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Logs with ISO times. Production writes one JSON object a line (for App Service and log queries);
 * local mode writes readable lines for a person at a terminal. Tests pass `silent`.
 */
export function createLogger(level: string, mode: 'local' | 'production' = 'production'): Logger {
  const options = { level, base: { service: 's2s-bot' }, timestamp: stdTimeFunctions.isoTime };
  if (mode === 'production') return pino(options);
  // Synchronous, so a line is on screen before the process exits (a refused start, Ctrl-C).
  return pino(options, pretty({ sync: true, translateTime: false, ignore: 'pid,hostname,service' }));
}
