import type { AuditDocument } from '../domain/audit.js';
import type { Deployment } from '../domain/deployment.js';
import type { DiagnosticReport } from '../domain/diagnostic.js';
import type { DirectContact } from '../domain/direct-contact.js';
import type { MembershipRequest } from '../domain/membership.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { VisitReport } from '../domain/visit-report.js';
import { NotFoundError } from '../errors.js';
import { peopleWithEmail } from '../identity/email-index.js';
import type { ConversationLink } from '../identity/conversation-references.js';
import type { OutboxMessage } from '../notifications/outbox-message.js';
import type { ServiceContext } from '../service-context.js';
import type { Condition, DocumentBase, Stored } from '../store/document-store.js';
import { ALLIANCE_DOCUMENT_TYPES } from './alliance-document-types.js';
import { personTraces, textsRecordedBy, type Trace } from './person-traces.js';
import { scrub } from './scrub.js';

/** A document outside the person's own records that names or quotes them, and where. */
export interface Mention {
  document: Stored<DocumentBase>;
  paths: string[];
}

/** Everything held about one person in one alliance, grouped by what it is. */
export interface PersonRecords {
  allianceId: string;
  person: Stored<Person>;
  conversationLinks: Array<Stored<ConversationLink>>;
  requestsMade: Array<Stored<SupportRequest>>;
  requestsDecided: Array<Stored<SupportRequest>>;
  deployments: Array<Stored<Deployment>>;
  plansWritten: Array<Stored<Deployment>>;
  visitReports: Array<Stored<VisitReport>>;
  diagnosticReports: Array<Stored<DiagnosticReport>>;
  directContactsMade: Array<Stored<DirectContact>>;
  directContactsReceived: Array<Stored<DirectContact>>;
  /** Requests to join or leave that gave this person's email. */
  membershipRequests: Array<Stored<MembershipRequest>>;
  evaluationsAbout: Array<Stored<Evaluation>>;
  evaluationsGiven: Array<Stored<Evaluation>>;
  notifications: Array<Stored<OutboxMessage>>;
  audit: Array<Stored<AuditDocument>>;
}

/** The records, the traces that identify the person, and every document in the alliance holding one. */
export interface PersonFootprint {
  records: PersonRecords;
  traces: Trace[];
  mentions: Mention[];
}

/** The person's directory records by email, in every alliance they belong to (erased ones no longer match). */
export async function findPeopleByEmail(ctx: ServiceContext, email: string): Promise<Array<Stored<Person>>> {
  const people = await peopleWithEmail(ctx.store, email);
  if (people.length === 0) throw new NotFoundError(`A person with email ${email}`);
  return people;
}

export async function collectPersonRecords(ctx: ServiceContext, person: Stored<Person>): Promise<PersonRecords> {
  const find = <T extends DocumentBase>(type: string, field: string) => {
    const where: Condition[] = [{ field, op: 'eq', value: person.id }];
    return ctx.store.query<T>(person.allianceId, { type, where, orderBy: [{ field: 'id' }] });
  };
  const plans = [...await find<Deployment>('deployment', 'plan.submittedBy'), ...await find<Deployment>('deployment', 'plan.changesRequested.by')];
  return {
    allianceId: person.allianceId,
    person,
    conversationLinks: await find('conversationLink', 'personId'),
    requestsMade: await find('supportRequest', 'requesterId'),
    requestsDecided: await find('supportRequest', 'decision.by'),
    deployments: await find('deployment', 'supporterId'),
    plansWritten: [...new Map(plans.map((d) => [d.id, d])).values()],
    visitReports: await find('visitReport', 'supporterId'),
    diagnosticReports: await find('diagnosticReport', 'supporterId'),
    directContactsMade: await find('directContact', 'fromPersonId'),
    directContactsReceived: await find('directContact', 'toPersonId'),
    membershipRequests: await ctx.store.query<MembershipRequest>(person.allianceId, { type: 'membershipRequest', where: [{ field: 'email', op: 'eq', value: person.email }] }),
    evaluationsAbout: await find('evaluation', 'supporterId'),
    evaluationsGiven: await find('evaluation', 'evaluatedBy'),
    notifications: await find('outbox', 'target.personId'),
    audit: await find('audit', 'subject'),
  };
}

/**
 * The person's records plus every other document of the alliance that names, addresses or quotes
 * them: candidate lists, audit `by` names, queued and posted cards, saved conversation references.
 * Every kind of document is read, so this costs a pass over the alliance: it serves rare requests.
 */
export async function collectPersonFootprint(ctx: ServiceContext, person: Stored<Person>): Promise<PersonFootprint> {
  const records = await collectPersonRecords(ctx, person);
  const documents: Array<Stored<DocumentBase>> = [];
  for (const type of ALLIANCE_DOCUMENT_TYPES) documents.push(...await ctx.store.query<DocumentBase>(person.allianceId, { type, orderBy: [{ field: 'id' }] }));
  const traces = personTraces(records, textsRecordedBy(documents, person.id));
  const mentions: Mention[] = [];
  for (const document of documents) {
    // Person records are each someone's own: another person who shares the name keeps it.
    if (document.type === 'person') continue;
    const { paths } = scrub(document, traces);
    if (paths.length) mentions.push({ document, paths });
  }
  return { records, traces, mentions };
}

/** Writes a free-standing audit record; the id carries the time so repeated actions each leave one. */
export async function writeAudit(ctx: ServiceContext, entry: Omit<AuditDocument, 'id' | 'type' | 'at'>): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.store.create<AuditDocument>({ ...entry, id: `audit-${entry.action}-${entry.subject ?? 'none'}-${at}`, type: 'audit', at });
}
