import { dayRateFor } from '../domain/alliance.js';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import { declineInputSchema, type SupportRequest } from '../domain/support-request.js';
import { BotError, ConcurrencyError, DuplicateError, NotFoundError } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { findRecord, getRecord } from '../store/get-record.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import type { ServiceContext } from '../service-context.js';
import { withDueFields } from '../service-levels/record-due.js';
import type { Stored } from '../store/document-store.js';
import { requireManager } from './require-manager.js';
import { transitionRequest } from './transition-request.js';

export type ManagerDecision =
  | { outcome: 'approve'; candidateId: string }
  | { outcome: 'decline'; reason: string }
  | { outcome: 'on-hold' };

/** Someone else decided first; carries who and what so the loser can be told. */
export class AlreadyDecidedError extends BotError {
  constructor(readonly request: Stored<SupportRequest>) {
    const d = request.decision;
    // A request withdrawn or closed since its last decision says so, not who decided before.
    const ended = ['withdrawn', 'closed', 'cancelled'].includes(request.status);
    super('conflict', d && !ended
      ? `${d.byName} already decided this request (${d.outcome}) at ${d.at.slice(11, 16)} UTC.`
      : `${request.reference} is ${request.status} and can no longer be decided here.`);
  }
}

export function deploymentIdFor(requestId: string, supporterId: string): string {
  return `deployment-${requestId.replace(/^request-/, '')}-${supporterId.replace(/^person-/, '')}`;
}

/**
 * A manager's decision on a request in matching or on hold (approving or declining from on hold
 * resumes it; holding it again is refused). The etag check makes concurrent
 * decisions resolve to one winner; the loser gets AlreadyDecidedError naming who decided.
 */
export async function decideRequest(
  ctx: ServiceContext,
  manager: Stored<Person>,
  requestId: string,
  decision: ManagerDecision,
): Promise<Stored<SupportRequest>> {
  requireManager(manager, 'decide on requests');
  const request = await getRecord(ctx, manager.allianceId, requestId, 'supportRequest');
  if (decision.outcome === 'decline') parseInput(declineInputSchema, { reason: decision.reason });
  const decidable = request.status === 'matching' || (request.status === 'on-hold' && decision.outcome !== 'on-hold');
  if (!decidable) throw new AlreadyDecidedError(request);

  const at = ctx.clock.now().toISOString();
  const base = { by: manager.id, byName: manager.name, at };
  try {
    if (decision.outcome === 'approve') return await approve(ctx, request, manager, decision.candidateId, base);
    const to = decision.outcome === 'decline' ? 'declined' : 'on-hold';
    return await transitionRequest(ctx, request, {
      to,
      by: manager.id,
      note: decision.outcome === 'decline' ? decision.reason : undefined,
      changes: { decision: { ...base, outcome: to === 'declined' ? 'declined' : 'on-hold', ...(decision.outcome === 'decline' ? { reason: decision.reason } : {}) } },
      notify: [
        { target: { kind: 'managerChannel' }, event: { kind: 'requestCardUpdate', requestId } },
        { target: { kind: 'person', personId: request.requesterId }, event: { kind: 'requestDecided', requestId } },
      ],
    });
  } catch (error) {
    if (error instanceof ConcurrencyError) {
      const winner = await findRecord(ctx, manager.allianceId, requestId, 'supportRequest');
      if (winner) throw new AlreadyDecidedError(winner);
    }
    throw error;
  }
}

async function approve(
  ctx: ServiceContext,
  request: Stored<SupportRequest>,
  manager: Stored<Person>,
  candidateId: string,
  base: { by: string; byName: string; at: string },
): Promise<Stored<SupportRequest>> {
  const { supporter, deployment } = await proposalFor(ctx, request, candidateId, { id: manager.id, at: base.at });
  // From on hold the approval resumes the request: one decision, one audited move on-hold → proposed.
  const approved = await transitionRequest(ctx, request, {
    to: 'proposed',
    by: manager.id,
    ref: deployment.id,
    ...(request.status === 'on-hold' ? { note: 'resumed from hold and approved' } : {}),
    changes: { matchedSupporterId: supporter.id, decision: { ...base, outcome: 'approved', candidateId: supporter.id } },
    notify: [
      { target: { kind: 'managerChannel' }, event: { kind: 'requestCardUpdate', requestId: request.id } },
      { target: { kind: 'person', personId: request.requesterId }, event: { kind: 'requestMatched', requestId: request.id, deploymentId: deployment.id } },
      { target: { kind: 'person', personId: supporter.id }, event: { kind: 'deploymentProposed', deploymentId: deployment.id } },
    ],
  });
  // Only the winner of the etag race gets here, so the deployment is created once.
  await saveProposal(ctx, deployment);
  return approved;
}

export interface Proposal {
  supporter: Stored<Person>;
  /** The deployment to create once the request's own write has won. */
  deployment: Deployment;
}

/**
 * The deployment that proposing `candidateId` for the request makes, read and checked before anything
 * is written: a supporter of the alliance with a designation and a base school, at the alliance's rate.
 */
export async function proposalFor(
  ctx: ServiceContext,
  request: SupportRequest,
  candidateId: string,
  by: { id: string; at: string; note?: string },
): Promise<Proposal> {
  const supporter = await findRecord(ctx, request.allianceId, candidateId, 'person');
  if (!supporter || supporter.role !== 'supporter' || !supporter.designation || !supporter.baseSchoolUrn || supporter.erasedAt) {
    throw new NotFoundError('That supporter');
  }
  const alliance = await getRecord(ctx, request.allianceId, request.allianceId, 'alliance', 'The alliance');
  return {
    supporter,
    deployment: {
      id: deploymentIdFor(request.id, supporter.id),
      allianceId: request.allianceId,
      type: 'deployment',
      requestId: request.id,
      requestReference: request.reference,
      ...(request.kind === 'diagnostic' ? { kind: 'diagnostic' as const } : {}),
      supporterId: supporter.id,
      schoolUrn: request.schoolUrn,
      schoolHeadIds: [request.requesterId],
      baseSchoolUrn: supporter.baseSchoolUrn,
      designation: supporter.designation,
      dayRate: dayRateFor(alliance, supporter.designation),
      daysCommitted: request.daysWanted,
      status: 'proposed',
      proposedAt: by.at,
      createdAt: by.at,
      updatedAt: by.at,
      history: [{ at: by.at, by: by.id, action: 'status', to: 'proposed', ...(by.note ? { note: by.note } : {}) }],
    },
  };
}

/** Stores a proposal's deployment; creating the same one twice (a retried approval) is not an error. */
export async function saveProposal(ctx: ServiceContext, deployment: Deployment): Promise<void> {
  try {
    await ctx.store.create<Deployment>(await withDueFields(ctx, deployment));
    await noteDirectoryChange(ctx.store, deployment.allianceId, 'deployment', deployment.id);
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
  }
}
