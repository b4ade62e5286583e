import { createHash } from 'node:crypto';
import type { Person } from '../domain/person.js';
import { ConcurrencyError, DuplicateError, NotFoundError } from '../errors.js';
import type { DocumentStore, Stored } from '../store/document-store.js';
import type { ChannelKind } from './channel-identity.js';

/**
 * The partition that holds the identity index. Who is speaking is known before the alliance is, so
 * the index lives outside every alliance; it holds only ids (no names, no emails, no records).
 */
export const IDENTITY_PARTITION = '_identity';

/** Where a channel user appears in the directory: one entry per alliance they belong to. */
export interface IdentityEntry {
  allianceId: string;
  personId: string;
}

/** channel + user id → the person records of that user: one point read on every turn. */
export interface ChannelIdentity {
  id: string;
  allianceId: typeof IDENTITY_PARTITION;
  type: 'channelIdentity';
  channel: ChannelKind;
  people: IdentityEntry[];
  updatedAt: string;
}

export const CHANNEL_ID_FIELD: Record<ChannelKind, 'teamsAadObjectId' | 'slackUserId'> = {
  teams: 'teamsAadObjectId',
  slack: 'slackUserId',
};

const MAX_ATTEMPTS = 10;

/** Hashed, so any id a channel sends makes a valid document id and the index does not list user ids. */
export function channelIdentityId(channel: ChannelKind, userId: string): string {
  return `identity-${channel}-${createHash('sha256').update(userId).digest('hex').slice(0, 40)}`;
}

export async function readChannelIdentity(store: DocumentStore, channel: ChannelKind, userId: string): Promise<Stored<ChannelIdentity> | undefined> {
  const found = await store.get<ChannelIdentity>(IDENTITY_PARTITION, channelIdentityId(channel, userId));
  return found?.type === 'channelIdentity' ? found : undefined;
}

/** Adds (or, with `remove`, drops) one person record under a channel user id, retrying lost races. */
async function changeEntry(store: DocumentStore, channel: ChannelKind, userId: string, entry: IdentityEntry, remove: boolean, at: string): Promise<void> {
  const id = channelIdentityId(channel, userId);
  const same = (e: IdentityEntry) => e.allianceId === entry.allianceId && e.personId === entry.personId;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await readChannelIdentity(store, channel, userId);
    const has = current?.people.some(same) ?? false;
    if (has !== remove) return;
    try {
      if (!current) {
        await store.create<ChannelIdentity>({ id, allianceId: IDENTITY_PARTITION, type: 'channelIdentity', channel, people: [entry], updatedAt: at });
        return;
      }
      const people = remove ? current.people.filter((e) => !same(e)) : [...current.people, entry];
      if (people.length === 0) await store.delete(IDENTITY_PARTITION, id, current._etag);
      else await store.replace<ChannelIdentity>({ ...current, people, updatedAt: at }, current._etag);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof DuplicateError || error instanceof NotFoundError)) throw error;
    }
  }
  throw new ConcurrencyError('The channel identity index');
}

/**
 * Keeps the index in step with a person record as written: its channel ids point at it, and ids it
 * held before (`previous`) no longer do. Call after every write that sets or clears a channel id.
 */
export async function indexPersonIdentities(store: DocumentStore, person: Person, previous?: Partial<Person>, at = new Date().toISOString()): Promise<void> {
  const entry = { allianceId: person.allianceId, personId: person.id };
  for (const channel of Object.keys(CHANNEL_ID_FIELD) as ChannelKind[]) {
    const field = CHANNEL_ID_FIELD[channel];
    const now = person.erasedAt ? undefined : person[field];
    const before = previous?.[field];
    if (before && before !== now) await changeEntry(store, channel, before, entry, true, at);
    if (now) await changeEntry(store, channel, now, entry, false, at);
  }
}

/** Removes every index entry of a person (erasure): call with the record as it was before. */
export async function unindexPersonIdentities(store: DocumentStore, person: Person, at = new Date().toISOString()): Promise<void> {
  await indexPersonIdentities(store, { ...person, erasedAt: person.erasedAt ?? at }, person, at);
}
