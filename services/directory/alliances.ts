import { z } from 'zod';
import type { Clock } from '../clock.js';
import { allianceIdSchema, newAlliance, type Alliance } from '../domain/alliance.js';
import { DESIGNATIONS } from '../domain/designations.js';
import { DuplicateError, ValidationError } from '../errors.js';
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
  const parsed = allianceInputSchema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  try {
    return await store.create(newAlliance({ ...parsed.data, now: clock.now() }));
  } catch (error) {
    if (error instanceof DuplicateError) throw new DuplicateError(`Alliance "${parsed.data.id}"`, { cause: error });
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
  const parsed = rateSchema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error);
  const alliance = await requireAlliance(store, allianceId);
  const { designation, rate } = parsed.data;
  const next: Alliance = { ...withoutMeta(alliance), dayRates: { ...alliance.dayRates, [designation]: rate } };
  return store.replace(next, alliance._etag);
}

function toValidationError(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
}
