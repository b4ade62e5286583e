import type { Person } from '../domain/person.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import { unindexPersonIdentities } from '../identity/identity-index.js';
import type { ServiceContext } from '../service-context.js';
import { withoutMeta, type DocumentBase } from '../store/document-store.js';
import { collectPersonFootprint, findPeopleByEmail, writeAudit } from './person-records.js';
import { ERASED_NAME, erasedEmail } from './person-traces.js';
import { scrub } from './scrub.js';

export { ERASED_NAME, ERASED_TEXT } from './person-traces.js';

export interface ErasureSummary {
  alliances: string[];
  /** Documents in which the person's name, ids or words were replaced. */
  documentsRedacted: number;
  /** Messages queued or sent to the person, and their saved channel addresses, deleted. */
  notificationsRemoved: number;
  conversationLinksRemoved: number;
  /** False when another process held the SQLite file, so old pages may stay in its WAL until its next checkpoint. */
  storageCleared: boolean;
}

/**
 * Erases a person on request, in every alliance they are in. Every document that names, addresses
 * or quotes them (requests, candidate lists, plans, decline reasons, visit reports, evaluations,
 * audit and history notes, queued and posted cards) has each trace replaced; messages to them and
 * their channel addresses are deleted; the identity index forgets their channel ids; and the store
 * overwrites the freed space. The person record and the figures stay (days, ratings, RAG) so finance
 * and aggregate reports still add up; `erasedAt` keeps them out of matching and identification.
 * The person record is changed last, so an erasure that fails part-way finds them again when re-run.
 */
export async function erasePersonData(ctx: ServiceContext, email: string, by: string): Promise<ErasureSummary> {
  const people = await findPeopleByEmail(ctx, email);
  const summary: ErasureSummary = { alliances: [], documentsRedacted: 0, notificationsRemoved: 0, conversationLinksRemoved: 0, storageCleared: true };
  const at = ctx.clock.now().toISOString();
  for (const person of people) {
    const { records, traces, mentions } = await collectPersonFootprint(ctx, person);
    const removed = new Set([...records.notifications, ...records.conversationLinks].map((doc) => `${doc.type}|${doc.id}`));
    for (const doc of [...records.notifications, ...records.conversationLinks]) await ctx.store.delete(doc.allianceId, doc.id, doc._etag);
    let redacted = 0;
    for (const { document } of mentions) {
      if (removed.has(`${document.type}|${document.id}`)) continue;
      await ctx.store.replace<DocumentBase>(scrub(withoutMeta(document), traces).value, document._etag);
      redacted++;
    }
    await unindexPersonIdentities(ctx.store, person, at);
    // Their messages are deleted above, so nothing is left for a mark to point at.
    const { teamsAadObjectId, slackUserId, missedNotifications, ...kept } = withoutMeta(person);
    void teamsAadObjectId; void slackUserId; void missedNotifications;
    await ctx.store.replace<Person>({ ...kept, name: ERASED_NAME, email: erasedEmail(person), erasedAt: at, updatedAt: at }, person._etag);
    await noteDirectoryChange(ctx.store, person.allianceId, 'person', person.id);
    await writeAudit(ctx, {
      allianceId: person.allianceId, by, action: 'person-erase', subject: person.id,
      note: `${redacted} documents redacted, ${records.notifications.length} messages and ${records.conversationLinks.length} channel addresses removed`,
    });
    summary.alliances.push(person.allianceId);
    summary.documentsRedacted += redacted;
    summary.notificationsRemoved += records.notifications.length;
    summary.conversationLinksRemoved += records.conversationLinks.length;
  }
  summary.storageCleared = (await ctx.store.clearFreedSpace?.()) ?? true;
  return summary;
}
