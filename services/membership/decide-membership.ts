import { writeAudited } from '../audited-write.js';
import type { MembershipRequest } from '../domain/membership.js';
import { type Person, isManager } from '../domain/person.js';
import { importPeople } from '../directory/import-people.js';
import { importSchools, SCHOOL_COLUMNS } from '../directory/import-schools.js';
import { PEOPLE_COLUMNS } from '../directory/person-row.js';
import { BotError, ConcurrencyError, ForbiddenError, NotFoundError } from '../errors.js';
import { saveConversationLink } from '../identity/conversation-references.js';
import type { Notification } from '../notifications/notification.js';
import { writeAudit } from '../privacy/person-records.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { writeCsv } from '../directory/csv-cells.js';
import { schoolId } from '../domain/school.js';
import { findRecord } from '../store/get-record.js';
import { leaveAlliance, type LeftAlliance } from './leave-alliance.js';
import { readmitSchool } from './member-school.js';

export type MembershipAnswer = { outcome: 'approve' } | { outcome: 'decline'; reason: string };

export interface MembershipOutcome {
  request: Stored<MembershipRequest>;
  /** The head added to the directory on an approved join. */
  head?: Stored<Person>;
  /** What an approved leave did. */
  left?: LeftAlliance;
}

/**
 * A manager approves or declines a school's request to join or leave. The decision is one
 * etag-checked write, so two managers cannot both decide. On approving a join the school and its
 * head go into the directory through the import path (the same checks and indexes as a CSV
 * import), and the head is linked to the channel they asked from; on approving a leave the school
 * leaves (leave-alliance.ts). The head who asked is told either way.
 */
export async function decideMembership(ctx: ServiceContext, manager: Stored<Person>, requestId: string, answer: MembershipAnswer): Promise<MembershipOutcome> {
  if (!isManager(manager)) throw new ForbiddenError('Only the alliance manager can decide who joins or leaves.');
  const request = await ctx.store.get<MembershipRequest>(manager.allianceId, requestId);
  if (!request || request.type !== 'membershipRequest') throw new NotFoundError('That membership request');
  // An approval whose directory write failed part-way is finished by approving again.
  if (request.status === 'approved' && answer.outcome === 'approve') return carryOut(ctx, request, manager);
  if (request.status !== 'pending') throw alreadyDecided(request);

  const at = ctx.clock.now().toISOString();
  const approved = answer.outcome === 'approve';
  const notify: Notification[] = [
    { target: { kind: 'managerChannel' }, event: { kind: 'membershipCardUpdate', membershipRequestId: request.id } },
    // A school joining is told at the address kept under the request's id; a head leaving is in the directory.
    { target: { kind: 'person', personId: request.requester.personId ?? request.id }, event: { kind: 'membershipDecided', membershipRequestId: request.id } },
  ];
  let decided: Stored<MembershipRequest>;
  try {
    decided = await writeAudited(ctx, request, {
      by: manager.id,
      action: 'status',
      to: approved ? 'approved' : 'declined',
      ...(answer.outcome === 'decline' ? { note: answer.reason } : {}),
      changes: { decision: { by: manager.id, byName: manager.name, at, outcome: approved ? 'approved' : 'declined', ...(answer.outcome === 'decline' ? { reason: answer.reason } : {}) } },
      notify,
    });
  } catch (error) {
    if (error instanceof ConcurrencyError) {
      const winner = await ctx.store.get<MembershipRequest>(manager.allianceId, requestId);
      if (winner) throw alreadyDecided(winner);
    }
    throw error;
  }
  if (!approved) return { request: decided };
  return carryOut(ctx, decided, manager);
}

/** What an approval does: a joining school and head added, or a leaving school gone. */
async function carryOut(ctx: ServiceContext, request: Stored<MembershipRequest>, manager: Stored<Person>): Promise<MembershipOutcome> {
  if (request.action === 'leave') return { request, left: await leaveAlliance(ctx, request, manager) };
  return { request, head: await addToDirectory(ctx, request, manager.id) };
}

function alreadyDecided(request: MembershipRequest): BotError {
  const d = request.decision;
  return new BotError('conflict', d ? `${d.byName} already ${d.outcome} this request at ${d.at.slice(11, 16)} UTC.` : `This request is ${request.status}.`);
}

/** The school and its head, written as a one-row import of each file so they get exactly what an import gives. */
async function addToDirectory(ctx: ServiceContext, request: MembershipRequest, by: string): Promise<Stored<Person>> {
  const { school, requester } = request;
  const schoolRow: Record<(typeof SCHOOL_COLUMNS)[number], string> = {
    urn: school.urn, name: school.name, phase: school.phase, local_authority: school.localAuthority ?? '', postcode: school.postcode ?? '',
    trust: school.trust ?? '', ofsted_judgement: '', ofsted_date: '',
  };
  const personRow: Record<(typeof PEOPLE_COLUMNS)[number]['name'], string> = {
    email: request.email, name: request.headName, role: 'head', base_school_urn: school.urn, designation: '', specialisms: '', phases: '',
    days_per_year: '', teams_aad_object_id: requester.channel === 'teams' ? requester.userId : '',
    slack_user_id: requester.channel === 'slack' ? requester.userId : '', contact_directly: '',
  };
  const fileName = `membership request ${request.id}`;
  const headByEmail = async () => (await ctx.store.query<Person>(request.allianceId, { type: 'person', where: [{ field: 'email', op: 'eq', value: request.email }], limit: 1 }))[0];
  // A school that left and comes back keeps its record (and Ofsted details) and its head.
  const returning = await findRecord(ctx, request.allianceId, schoolId(school.urn), 'school');
  if (returning?.leftAt) await readmitSchool(ctx, returning);
  else await importSchools(ctx.store, ctx.clock, request.allianceId, { fileName, text: writeCsv([schoolRow], { header: true, columns: [...SCHOOL_COLUMNS] }) });
  const known = await headByEmail();
  if (!known) await importPeople(ctx.store, ctx.clock, request.allianceId, { fileName, text: writeCsv([personRow], { header: true, columns: PEOPLE_COLUMNS.map((c) => c.name) }) });
  const head = known ?? await headByEmail();
  if (!head) throw new NotFoundError(`The new head ${request.email}`);
  await saveConversationLink(ctx, { allianceId: request.allianceId, personId: head.id, channel: requester.channel, address: requester.address });
  await writeAudit(ctx, {
    allianceId: request.allianceId, by, action: 'membership-join', subject: head.id,
    note: `${school.name} (${school.urn}) ${returning?.leftAt ? 'rejoined' : 'joined'}; ${request.headName} ${known ? 'is' : 'added as'} head`,
  });
  return head;
}
