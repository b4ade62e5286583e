import { randomUUID } from 'node:crypto';
import type { Person } from '../domain/person.js';
import type { DocumentStore, Stored } from '../store/document-store.js';

/**
 * Email → person records. A person id is random, so nothing derived from an email leads to a
 * person's records: only this look-up does, and it reads the `email` field that erasure replaces
 * (with a store index on it: SQLite's expression index, Cosmos' range index). Once erased, the email
 * reaches nothing, and the id left in audit trails cannot be linked back to it.
 */

/** A new person's id: random, never derived from the email. */
export function newPersonId(): string {
  return `person-${randomUUID()}`;
}

/** The canonical form every email is stored and looked up in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The directory records with this email, across every alliance (erased records no longer carry it). */
export async function peopleWithEmail(store: DocumentStore, email: string): Promise<Array<Stored<Person>>> {
  const people = await store.queryAllAlliances<Person>({ type: 'person', where: [{ field: 'email', op: 'eq', value: normaliseEmail(email) }] });
  return people.filter((p) => !p.erasedAt);
}

/** One alliance's existing ids by email, so a re-import updates each person in place. */
export function idsByEmail(people: Iterable<Person>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const person of people) if (!person.erasedAt) ids.set(normaliseEmail(person.email), person.id);
  return ids;
}

/** The person with this email in one alliance, if any (erased records no longer carry it). */
export async function personInAllianceWithEmail(store: DocumentStore, allianceId: string, email: string): Promise<Stored<Person> | undefined> {
  const [person] = await store.query<Person>(allianceId, { type: 'person', where: [{ field: 'email', op: 'eq', value: normaliseEmail(email) }], limit: 1 });
  return person;
}
