import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface MemoryResult {
  people: number;
  /** Peak RSS of the bot process serving search turns over the directory (the target's figure). */
  servePeakMb: number;
  /** RSS once the bot had started, before the first turn. */
  afterStartMb: number;
  /** Peak RSS of the process importing the directory from CSV (the CLI, not the bot). */
  importPeakMb: number;
  importMs: number;
  searchP50: number;
  searchP95: number;
  turns: number;
}

async function child(args: string[]): Promise<Record<string, number>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/memory-child.ts'), ...args], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** Peak RSS with a generated directory (scripts/make-people-csv.ts), each phase in a fresh process. */
export async function benchMemory(people = 10_000): Promise<MemoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-memory-'));
  try {
    const csv = join(dir, 'people.csv');
    await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/make-people-csv.ts'), String(people), csv], { cwd: ROOT });
    const db = join(dir, 'bench.db');
    const imported = await child(['import', db, csv]);
    const served = await child(['serve', db]);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    return {
      people: imported.people,
      servePeakMb: mb(served.peakRss),
      afterStartMb: mb(served.afterStartRss),
      importPeakMb: mb(imported.peakRss),
      importMs: imported.importMs,
      searchP50: served.searchP50,
      searchP95: served.searchP95,
      turns: served.turns,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
