// Checks the Slack app manifest and fills it in for one environment: `npm run package:slack
// [-- --env dev] [-- --socket-mode]` writes build/slack-app-manifest.<env>[.socket-mode].yml.
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSlackManifest } from '../manifest/build-slack-manifest.js';
import { readPackageEnvironment } from '../manifest/package-environment.js';
import { BotError } from '../services/errors.js';

const { env, out, socketMode } = new Command()
  .option('--env <name>', 'which env/.env.<name> fills the placeholders', 'local')
  .option('--out <dir>', 'where to write the manifest', 'build')
  .option('--socket-mode', 'no public URL: Slack delivers events over Socket Mode (needs SLACK_APP_TOKEN at run time)', false)
  .parse()
  .opts<{ env: string; out: string; socketMode: boolean }>();

try {
  const yaml = buildSlackManifest(readPackageEnvironment(env, process.env, process.cwd()), { socketMode });
  mkdirSync(out, { recursive: true });
  const file = join(out, `slack-app-manifest.${env}${socketMode ? '.socket-mode' : ''}.yml`);
  writeFileSync(file, yaml);
  console.log(`Wrote ${relative(process.cwd(), file)}: paste it into api.slack.com/apps → Create New App → From an app manifest`);
} catch (error) {
  if (!(error instanceof BotError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
