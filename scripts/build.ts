// npm run build: compiles the bot, CLI and services to dist/ for production (`npm run start:prod`)
// and the bench, with the files they read at run time (demo CSVs, the workspace's browser scripts).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const SOURCES = ['bot', 'cards', 'cli', 'services'];

// A clean dist, so a source file deleted since the last build leaves nothing behind.
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const folder of SOURCES) {
  cpSync(`${root}/${folder}`, `${dist}/${folder}`, { recursive: true, filter: (path) => !path.endsWith('.ts') });
}
process.stdout.write('Built dist/: start it with `npm run start:prod` (node dist/bot/main.js).\n');
