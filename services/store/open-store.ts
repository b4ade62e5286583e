import type { Config } from '../config/config.js';
import { ConfigError } from '../errors.js';
import type { DocumentStore } from './document-store.js';
import { CosmosStore } from './CosmosStore.js';
import { SqliteStore } from './SqliteStore.js';

/** Opens the store the configuration names: Cosmos DB when an endpoint is set, else the SQLite file. */
export async function openStore(storeConfig: Config['store']): Promise<DocumentStore> {
  switch (storeConfig.kind) {
    case 'sqlite':
      return openSqlite(storeConfig.path);
    case 'cosmos':
      return CosmosStore.connect(storeConfig);
  }
}

/** A damaged or locked file stops start-up with what to do, naming the setting, not a driver stack. */
function openSqlite(path: string): SqliteStore {
  try {
    return new SqliteStore(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const advice = code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
      ? 'another process holds it locked; stop the other bot or s2s command using this file, then start again'
      : code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')
        ? 'it is not a readable SQLite database; restore it from a backup, or move it aside to start with an empty store'
        : `it could not be opened (${code || (error as Error).message}); check the path and its permissions`;
    throw new ConfigError(`SQLITE_PATH (${path}): ${advice}.`);
  }
}
