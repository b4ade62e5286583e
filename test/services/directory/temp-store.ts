import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../services/clock.js';
import { addAlliance } from '../../../services/directory/alliances.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';

export interface TempStore {
  store: SqliteStore;
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** A real SQLite file in a fresh temporary directory, removed again by close(). */
export function openTempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 's2s-directory-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  return {
    store,
    dir,
    clock: fixedClock('2025-01-15T09:00:00Z'),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temp store holding one alliance, `test-hub`. */
export async function openStoreWithAlliance(): Promise<TempStore> {
  const temp = openTempStore();
  await addAlliance(temp.store, temp.clock, { id: 'test-hub', name: 'Test Hub' });
  return temp;
}

export const SCHOOLS_HEADER = 'urn,name,phase,local_authority,postcode,trust,ofsted_judgement,ofsted_date';
export const PEOPLE_HEADER = 'email,name,role,base_school_urn,designation,specialisms,phases,days_per_year,teams_aad_object_id,slack_user_id';

/** Joins a header and rows into file text, one row per line. */
export function csv(header: string, ...rows: string[]): string {
  return [header, ...rows].join('\n') + '\n';
}

export const TWO_SCHOOLS = csv(
  SCHOOLS_HEADER,
  '990001,Riverside Primary School,primary,Worcestershire,WR1 2AB,Severn Vale Learning Trust,outstanding,2022-11-16',
  '990002,Kingfisher Academy,secondary,Worcestershire,WR4 9PG,,good,2023-03-08',
);
