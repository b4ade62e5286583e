import { loadConfig, type Config } from '../services/config/config.js';
import { loadEnvironment } from '../services/config/load-environment.js';
import { ConfigError } from '../services/errors.js';
import { createLogger } from '../services/logger.js';
import { startApp } from './app.js';
import { welcomeLines } from './welcome.js';

/** A setting to fix (bad variable, busy port) is one line on stderr and exit code 1, not a stack trace. */
function refuseStart(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig(loadEnvironment(process.env));
} catch (error) {
  refuseStart(error);
}

const logger = createLogger(config.logLevel, config.mode);
const app = await startApp(config, { logger }).catch(refuseStart);
logger.info(
  { url: app.url, store: config.store.kind, mode: config.mode },
  `School-to-school support bot ready${config.teams.enabled ? '' : ' (Teams off)'}${config.slack?.appToken ? ' (Slack over Socket Mode too)' : ''}`,
);
if (config.mode === 'local') process.stdout.write(`\n${welcomeLines(config, app.port).join('\n')}\n\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing turns in flight');
  await app.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
