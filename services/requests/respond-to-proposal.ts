import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { BotError, ForbiddenError, NotFoundError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { proposeCandidates } from './propose-candidates.js';
import { transitionRequest } from './transition-request.js';

export type ProposalAnswer = { accept: true } | { accept: false; reason: string };

export interface ProposalOutcome {
  deployment: Stored<Deployment>;
  request: Stored<SupportRequest>;
}

/**
 * The proposed supporter accepts or declines. A decline sends the request back to matching with
 * that supporter left out and fresh candidates for the manager.
 */
export async function respondToProposal(
  ctx: ServiceContext,
  supporter: Stored<Person>,
  deploymentId: string,
  answer: ProposalAnswer,
): Promise<ProposalOutcome> {
  const deployment = await ctx.store.get<Deployment>(supporter.allianceId, deploymentId);
  if (!deployment) throw new NotFoundError('That deployment');
  if (deployment.supporterId !== supporter.id) throw new ForbiddenError('Only the proposed supporter can answer this.');
  if (deployment.status !== 'proposed') {
    throw new BotError('conflict', `You already answered this proposal (${deployment.status}).`);
  }
  const request = await ctx.store.get<SupportRequest>(supporter.allianceId, deployment.requestId);
  if (!request) throw new NotFoundError('The support request');

  const at = ctx.clock.now().toISOString();
  const status = answer.accept ? 'accepted' : 'declined';
  const answered = await ctx.store.replace<Deployment>({
    ...deployment,
    status,
    ...(answer.accept ? {} : { declineReason: answer.reason }),
    updatedAt: at,
    history: [...deployment.history, { at, by: supporter.id, action: 'status', from: 'proposed', to: status, ...(answer.accept ? {} : { note: answer.reason }) }],
  }, deployment._etag);

  const notify = [
    { target: { kind: 'managerChannel' as const }, event: { kind: 'proposalAnswered' as const, deploymentId } },
    { target: { kind: 'managerChannel' as const }, event: { kind: 'requestCardUpdate' as const, requestId: request.id } },
  ];
  if (answer.accept) {
    const accepted = await transitionRequest(ctx, request, { to: 'accepted', by: supporter.id, ref: deploymentId, notify });
    return { deployment: answered, request: accepted };
  }
  const excludedCandidateIds = [...new Set([...request.excludedCandidateIds, supporter.id])];
  const candidates = await proposeCandidates(ctx, { ...request, excludedCandidateIds });
  const rematching = await transitionRequest(ctx, request, {
    to: 'matching',
    by: supporter.id,
    ref: deploymentId,
    note: answer.reason,
    changes: { excludedCandidateIds, candidates, matchedSupporterId: undefined, decision: undefined },
    notify,
  });
  return { deployment: answered, request: rematching };
}
