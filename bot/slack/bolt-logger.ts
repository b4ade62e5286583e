import type { LogLevel, Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../services/logger.js';

/** Bolt and the Web API client log through the app's pino logger, so tests can silence them. */
export function toBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  const line = (parts: unknown[]) => parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => child.debug(line(parts)),
    info: (...parts: unknown[]) => child.info(line(parts)),
    warn: (...parts: unknown[]) => child.warn(line(parts)),
    error: (...parts: unknown[]) => child.error(line(parts)),
    // The level is pino's to decide.
    setLevel: () => undefined,
    getLevel: () => 'debug' as LogLevel,
    setName: () => undefined,
  };
}
