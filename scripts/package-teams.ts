// Builds the Teams app package for one environment: `npm run package:teams [-- --env dev]` writes
// build/appPackage.<env>.zip after checking the manifest against the official schema, offline.
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildTeamsPackage } from '../manifest/build-teams-package.js';
import { readPackageEnvironment } from '../manifest/package-environment.js';
import { BotError } from '../services/errors.js';

const { env, out } = new Command()
  .option('--env <name>', 'which env/.env.<name> fills the placeholders', 'local')
  .option('--out <dir>', 'where to write the zip', 'build')
  .parse()
  .opts<{ env: string; out: string }>();

try {
  const zip = await buildTeamsPackage(readPackageEnvironment(env, process.env, process.cwd()));
  mkdirSync(out, { recursive: true });
  const file = join(out, `appPackage.${env}.zip`);
  writeFileSync(file, zip);
  console.log(`Wrote ${relative(process.cwd(), file)} (manifest valid against the bundled schema; icons checked)`);
} catch (error) {
  if (!(error instanceof BotError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
