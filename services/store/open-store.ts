import type { Config } from '../config/config.js';
import type { DocumentStore } from './document-store.js';
import { SqliteStore } from './SqliteStore.js';

/** Opens the store the configuration names: Cosmos DB when an endpoint is set, else the SQLite file. */
export async function openStore(storeConfig: Config['store']): Promise<DocumentStore> {
  switch (storeConfig.kind) {
    case 'sqlite':
      return new SqliteStore(storeConfig.path);
    case 'cosmos': {
      const { CosmosStore } = await import('./CosmosStore.js');
      return CosmosStore.connect(storeConfig);
    }
  }
}
