import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../../../services/store/SqliteStore.js';

const BIN = fileURLToPath(new URL('../../../bin/s2s.cjs', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `s2s` as a real process in `dir`, on the SQLite file there, so no developer's env/ is read. */
export function s2sIn(dir: string, ...args: string[]): CliRun {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, SQLITE_PATH: join(dir, 'store.db'), COSMOS_ENDPOINT: '' },
  });
}

/** Opens the same SQLite file the CLI uses, for seeding and checking, and closes it again. */
export async function withStoreIn<R>(dir: string, work: (store: SqliteStore) => Promise<R>): Promise<R> {
  const store = new SqliteStore(join(dir, 'store.db'));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
