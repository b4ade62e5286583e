import type { DiagnosticReport } from '../domain/diagnostic.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { MembershipRequest } from '../domain/membership.js';
import type { Person } from '../domain/person.js';
import type { VisitReport } from '../domain/visit-report.js';
import type { ServiceContext } from '../service-context.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import { unindexPersonIdentities } from '../identity/identity-index.js';
import { collectPersonRecords, findPeopleByEmail, writeAudit } from './person-records.js';

export const ERASED_NAME = 'Erased person';
export const ERASED_TEXT = '[erased]';

export interface ErasureSummary {
  alliances: string[];
  visitReportsRedacted: number;
  evaluationsRedacted: number;
  conversationLinksRemoved: number;
}

/**
 * Erases a person on request: name, email and channel ids are replaced, their channel addresses
 * removed, and the free text written by or about them in visit and diagnostic reports, evaluations
 * and join requests redacted.
 * The person record and the figures stay (days, ratings, RAG), so finance and aggregate reports
 * still add up; `erasedAt` keeps the person out of matching and identification.
 */
export async function erasePersonData(ctx: ServiceContext, email: string, by: string): Promise<ErasureSummary> {
  const people = await findPeopleByEmail(ctx, email);
  const summary: ErasureSummary = { alliances: [], visitReportsRedacted: 0, evaluationsRedacted: 0, conversationLinksRemoved: 0 };
  const at = ctx.clock.now().toISOString();
  for (const person of people) {
    const records = await collectPersonRecords(ctx, person);
    for (const report of records.visitReports) {
      await ctx.store.replace<VisitReport>(redactReport(report), report._etag);
    }
    for (const report of records.diagnosticReports) {
      await ctx.store.replace<DiagnosticReport>({ ...report, strengths: ERASED_TEXT, priorities: ERASED_TEXT }, report._etag);
    }
    for (const request of records.membershipRequests) {
      await ctx.store.replace<MembershipRequest>({ ...request, headName: ERASED_NAME, email: `${person.id}@erased.invalid` }, request._etag);
    }
    for (const evaluation of records.evaluationsAbout) {
      await ctx.store.replace<Evaluation>(redactEvaluation(evaluation), evaluation._etag);
    }
    for (const link of records.conversationLinks) await ctx.store.delete(link.allianceId, link.id, link._etag);
    await unindexPersonIdentities(ctx.store, person, at);
    const { teamsAadObjectId, slackUserId, ...kept } = person;
    void teamsAadObjectId; void slackUserId;
    await ctx.store.replace<Person>({
      ...kept,
      name: ERASED_NAME,
      // Unique per record and not an address anyone can receive at (.invalid is reserved).
      email: `${person.id}@erased.invalid`,
      erasedAt: at,
      updatedAt: at,
    }, person._etag);
    await noteDirectoryChange(ctx.store, person.allianceId, 'person', person.id);
    await writeAudit(ctx, {
      allianceId: person.allianceId, by, action: 'person-erase', subject: person.id,
      note: `${records.visitReports.length} visit reports and ${records.evaluationsAbout.length} evaluations redacted, ${records.conversationLinks.length} channel addresses removed`,
    });
    summary.alliances.push(person.allianceId);
    summary.visitReportsRedacted += records.visitReports.length;
    summary.evaluationsRedacted += records.evaluationsAbout.length;
    summary.conversationLinksRemoved += records.conversationLinks.length;
  }
  return summary;
}

function redactReport(report: VisitReport): VisitReport {
  return {
    ...report,
    activities: ERASED_TEXT,
    nextSteps: ERASED_TEXT,
    progress: report.progress.map((p) => ({ ...p, comment: ERASED_TEXT })),
  };
}

function redactEvaluation(evaluation: Evaluation): Evaluation {
  return {
    ...evaluation,
    overall: ERASED_TEXT,
    objectives: evaluation.objectives.map((o) => ({ ...o, evidence: ERASED_TEXT })),
  };
}
