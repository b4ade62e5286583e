import { acceptsDirectContact } from '../domain/direct-contact.js';
import type { Person } from '../domain/person.js';
import { ForbiddenError } from '../errors.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import { writeAudit } from '../privacy/person-records.js';
import type { ServiceContext } from '../service-context.js';
import { withoutMeta, type Stored } from '../store/document-store.js';

export interface ContactSetting {
  person: Stored<Person>;
  /** Whether schools may now message them directly. */
  allowed: boolean;
  /** False when it already was so: nothing was written. */
  changed: boolean;
}

/**
 * A person says whether schools may message them directly (the "Message" button on search results)
 * or reach them through a request, as the per-person `contactDirectly` setting. Only for
 * themselves: callers pass the directory record the channel identified, never one named in a
 * message. Only experts appear in searches, so only they have the setting. Audited.
 */
export async function setContactDirectly(ctx: ServiceContext, person: Stored<Person>, allow: boolean): Promise<ContactSetting> {
  if (person.role !== 'supporter') {
    throw new ForbiddenError('Only experts listed in the directory (SLEs, NLEs, LLEs, lead teachers and others) can be messaged directly from a search. Nothing was changed.');
  }
  if (acceptsDirectContact(person) === allow) return { person, allowed: allow, changed: false };
  const updatedAt = ctx.clock.now().toISOString();
  const updated = await ctx.store.replace<Person>({ ...withoutMeta(person), contactDirectly: allow, updatedAt }, person._etag);
  // Searches on every instance show or hide the "Message" button at once (directory-snapshot.ts).
  await noteDirectoryChange(ctx.store, person.allianceId, 'person', person.id);
  await writeAudit(ctx, { allianceId: person.allianceId, by: person.id, action: 'contact-directly', subject: person.id, note: allow ? 'on' : 'off' });
  return { person: updated, allowed: allow, changed: true };
}
