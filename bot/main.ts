import { loadConfig, type Config } from '../services/config/config.js';
import { loadEnvironment } from '../services/config/load-environment.js';
import { ConfigError } from '../services/errors.js';
import { createLogger } from '../services/logger.js';
import { startApp } from './app.js';

let config: Config;
try {
  config = loadConfig(loadEnvironment(process.env));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
const app = await startApp(config, { logger });
logger.info(
  { url: app.url, store: config.store.kind, mode: config.mode },
  `School-to-school support bot ready: ${config.teams.enabled ? `Teams at ${app.url}/api/messages` : 'Teams off'}${config.slack ? `, Slack at ${app.url}/slack/events${config.slack.appToken ? ' and over Socket Mode' : ''}` : ''}, health at ${app.url}/healthz`,
);

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
