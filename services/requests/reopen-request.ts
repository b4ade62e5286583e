import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { BotError, NotFoundError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { toldOfChange } from './end-request.js';
import { matchedDeployment } from './matched-deployment.js';
import { proposeCandidates } from './propose-candidates.js';
import { REQUEST_PROGRESS } from './request-progress.js';
import { requireManager } from './require-manager.js';
import { transitionRequest } from './transition-request.js';

/**
 * The alliance manager reopens a closed request. Delivered support goes back to where it stood
 * (completed, so the school can still evaluate, or evaluated); a request closed before that goes
 * back to matching with fresh candidates, leaving out the supporter whose deployment the close
 * cancelled. Everyone concerned is told, as when it closed.
 */
export async function reopenRequest(ctx: ServiceContext, manager: Stored<Person>, requestId: string): Promise<Stored<SupportRequest>> {
  requireManager(manager, 'reopen a request');
  return reopen(ctx, manager, await getRecord(ctx, manager.allianceId, requestId, 'supportRequest'));
}

/** "reopen S2S-2026-0042": the same, for a request named by its reference (in the manager's own alliance). */
export async function reopenRequestByReference(ctx: ServiceContext, manager: Stored<Person>, reference: string): Promise<Stored<SupportRequest>> {
  requireManager(manager, 'reopen a request');
  const [request] = await ctx.store.query<SupportRequest>(manager.allianceId, {
    type: 'supportRequest', where: [{ field: 'reference', op: 'eq', value: reference.toUpperCase() }], limit: 1,
  });
  if (!request) throw new NotFoundError(`Request ${reference.toUpperCase()}`);
  return reopen(ctx, manager, request);
}

async function reopen(ctx: ServiceContext, manager: Stored<Person>, request: Stored<SupportRequest>): Promise<Stored<SupportRequest>> {
  if (request.status !== 'closed') {
    throw new BotError('conflict', `${request.reference} is ${REQUEST_PROGRESS[request.status].label.toLowerCase()}: only a closed request can be reopened.`);
  }
  const closedFrom = [...request.history].reverse().find((entry) => entry.action === 'status' && entry.to === 'closed')?.from;
  const event = { kind: 'requestReopened', requestId: request.id } as const;
  if (closedFrom === 'completed' || closedFrom === 'evaluated') {
    const notify = toldOfChange(request, await matchedDeployment(ctx, request), manager.id, event);
    return transitionRequest(ctx, request, { to: closedFrom, by: manager.id, notify });
  }
  // The supporter the close released has nothing more to do with it.
  const notify = toldOfChange(request, undefined, manager.id, event);
  const excludedCandidateIds = [...new Set([...request.excludedCandidateIds, ...(request.matchedSupporterId ? [request.matchedSupporterId] : [])])];
  const candidates = await proposeCandidates(ctx, { ...request, excludedCandidateIds });
  return transitionRequest(ctx, request, {
    to: 'matching',
    by: manager.id,
    changes: { excludedCandidateIds, candidates, candidateOffset: 0, matchedSupporterId: undefined, decision: undefined },
    notify,
  });
}
