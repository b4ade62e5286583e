import { peopleWithEmail } from '../../services/identity/email-index.js';
import type { DocumentStore } from '../../services/store/document-store.js';

/** The id the directory gave a person (ids are random), found by email as the product finds it. */
export async function personIdOf(store: DocumentStore, email: string): Promise<string> {
  const [person] = await peopleWithEmail(store, email);
  if (!person) throw new Error(`No person with email ${email} in the store`);
  return person.id;
}

/** A fixed id for a person record a test writes itself. */
export function fixturePersonId(email: string): string {
  return `person-${email.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
