#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx s2s …` works straight after `npm ci`.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const root = path.join(__dirname, '..');
const tsx = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
const result = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'cli/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
