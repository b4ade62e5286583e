import { loadRequestOf } from '../deployments/deployment-parties.js';
import { updateDeployment } from '../deployments/update-deployment.js';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import { declineInputSchema, type SupportRequest } from '../domain/support-request.js';
import { BotError, ForbiddenError } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { getRecord } from '../store/get-record.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { returnToMatching } from './return-to-matching.js';
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
  const deployment = await getRecord(ctx, supporter.allianceId, deploymentId, 'deployment');
  if (deployment.supporterId !== supporter.id) throw new ForbiddenError('Only the proposed supporter can answer this.');
  if (deployment.status === 'cancelled') throw new BotError('conflict', 'This proposal was withdrawn (by the alliance, or with the school\'s request), so there is nothing to answer. "my deployments" shows where things stand.');
  if (deployment.status !== 'proposed') {
    throw new BotError('conflict', `You already answered this proposal (${deployment.status}).`);
  }
  const reason = answer.accept ? undefined : parseInput(declineInputSchema, { reason: answer.reason }).reason;
  const request = await loadRequestOf(ctx, deployment);
  const answered = await updateDeployment(ctx, deployment, {
    by: supporter.id,
    action: 'status',
    to: reason === undefined ? 'accepted' : 'declined',
    ...(reason === undefined ? {} : { note: reason, changes: { declineReason: reason } }),
  });

  const notify = [
    { target: { kind: 'managerChannel' as const }, event: { kind: 'proposalAnswered' as const, deploymentId } },
    { target: { kind: 'managerChannel' as const }, event: { kind: 'requestCardUpdate' as const, requestId: request.id } },
  ];
  if (answer.accept) {
    const accepted = await transitionRequest(ctx, request, { to: 'accepted', by: supporter.id, ref: deploymentId, notify });
    return { deployment: answered, request: accepted };
  }
  const rematching = await returnToMatching(ctx, request, { by: supporter.id, deploymentId, supporterId: supporter.id, ...(reason ? { note: reason } : {}), notify });
  return { deployment: answered, request: rematching };
}
