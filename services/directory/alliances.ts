import { z } from 'zod';
import type { Clock } from '../clock.js';
import { allianceIdSchema, newAlliance, type Alliance } from '../domain/alliance.js';
import { DESIGNATIONS } from '../domain/designations.js';
import { DuplicateError } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { withoutMeta, type DocumentStore, type Stored } from '../store/document-store.js';
import { requireAlliance } from './directory-store.js';

const allianceInputSchema = z.object({
  id: allianceIdSchema,
  name: z.string().trim().min(1, 'an alliance needs a name').max(200),
  region: z.string().trim().max(100).optional(),
});

const rateSchema = z.object({
  designation: z.enum(DESIGNATIONS),
  rate: z.number().int('use whole pounds').min(0).max(5000),
});

/** Creates an alliance with the default day rates; an existing id is a DuplicateError, never overwritten. */
export async function addAlliance(
  store: DocumentStore,
  clock: Clock,
  input: { id: string; name: string; region?: string },
): Promise<Stored<Alliance>> {
  const fields = parseInput(allianceInputSchema, input);
  try {
    return await store.create(newAlliance({ ...fields, now: clock.now() }));
  } catch (error) {
    if (error instanceof DuplicateError) throw new DuplicateError(`Alliance "${fields.id}"`, { cause: error });
    throw error;
  }
}

export async function listAlliances(store: DocumentStore): Promise<Array<Stored<Alliance>>> {
  return store.queryAllAlliances<Alliance>({ type: 'alliance', orderBy: [{ field: 'id' }] });
}

/** Sets one designation's day rate in pounds; etag-checked so two admins cannot lose each other's change. */
export async function setDayRate(
  store: DocumentStore,
  allianceId: string,
  input: { designation: string; rate: number },
): Promise<Stored<Alliance>> {
  const { designation, rate } = parseInput(rateSchema, input);
  const alliance = await requireAlliance(store, allianceId);
  const next: Alliance = { ...withoutMeta(alliance), dayRates: { ...alliance.dayRates, [designation]: rate } };
  return store.replace(next, alliance._etag);
}
