import type { Alliance } from '../domain/alliance.js';
import type { Deployment } from '../domain/deployment.js';
import type { DiagnosticReport } from '../domain/diagnostic.js';
import type { MembershipRequest } from '../domain/membership.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { VisitReport } from '../domain/visit-report.js';
import { NotFoundError } from '../errors.js';
import type { DocumentStore, Stored } from './document-store.js';

/** Each record kind by its `type`, so a read says what it expects and gets exactly that. */
export interface RecordTypes {
  alliance: Alliance;
  deployment: Deployment;
  diagnosticReport: DiagnosticReport;
  evaluation: Evaluation;
  membershipRequest: MembershipRequest;
  person: Person;
  school: School;
  supportRequest: SupportRequest;
  visitReport: VisitReport;
}

export type RecordType = keyof RecordTypes;

const WHAT: Record<RecordType, string> = {
  alliance: 'That alliance',
  deployment: 'That deployment',
  diagnosticReport: 'That diagnostic report',
  evaluation: 'That evaluation',
  membershipRequest: 'That membership request',
  person: 'That person',
  school: 'That school',
  supportRequest: 'That request',
  visitReport: 'That visit report',
};

/**
 * A record of the kind named, or undefined when there is none with that id or the id belongs to
 * another kind (a person id given where a request id belongs reads as "no such request").
 */
export async function findRecord<K extends RecordType>(
  ctx: { store: DocumentStore }, allianceId: string, id: string, type: K,
): Promise<Stored<RecordTypes[K]> | undefined> {
  if (!id) return undefined;
  const doc = await ctx.store.get<RecordTypes[K]>(allianceId, id);
  return doc?.type === type ? doc : undefined;
}

/** Like findRecord, but "not found" is a NotFoundError the person is told ("That request was not found."). */
export async function getRecord<K extends RecordType>(
  ctx: { store: DocumentStore }, allianceId: string, id: string, type: K, what = WHAT[type],
): Promise<Stored<RecordTypes[K]>> {
  const doc = await findRecord(ctx, allianceId, id, type);
  if (!doc) throw new NotFoundError(what);
  return doc;
}
