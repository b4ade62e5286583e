import { writeAudited } from '../audited-write.js';
import { loadRequestOf } from '../deployments/deployment-parties.js';
import { updateDeployment } from '../deployments/update-deployment.js';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { BotError, NotFoundError } from '../errors.js';
import type { Notification } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { getRecord } from '../store/get-record.js';
import { proposalFor, saveProposal, type Proposal } from './decide-request.js';
import { proposeCandidates } from './propose-candidates.js';
import { requireManager } from './require-manager.js';
import { returnToMatching } from './return-to-matching.js';

/** Who passes a proposal on: a manager, or the alliance's service levels when auto-pass is on. */
export interface Passer {
  id: string;
  name: string;
}

/** The history's `by` for what the service levels do by themselves. */
export const AUTO_PASS: Passer = { id: 'service-levels', name: 'Auto-pass' };

export interface ProposalPass {
  by: Passer;
  /** Propose the next best candidate, or send the request back to the manager's card. */
  then: 'next-candidate' | 'matching';
  /** Why, for the history and the people told ("not answered within 3 working days"). */
  why: string;
  /** Tell the manager channel what happened (a manager who pressed the button knows already). */
  tellManagers: boolean;
}

export interface PassOutcome {
  request: Stored<SupportRequest>;
  withdrawn: Stored<Deployment>;
  /** The next candidate's proposal, when there was one. */
  proposed?: Proposal;
}

/**
 * Withdraws a proposal its supporter has not answered, telling them politely, and proposes the next
 * best candidate (from the ranking stored on the request, else a fresh one) or returns the request to
 * matching. Each record gets one audited entry saying why. The deployment's etag settles a race with
 * the supporter's answer or another instance: the loser gets a ConcurrencyError and changes nothing.
 */
export async function passProposal(ctx: ServiceContext, allianceId: string, deploymentId: string, pass: ProposalPass): Promise<PassOutcome> {
  const deployment = await getRecord(ctx, allianceId, deploymentId, 'deployment');
  if (deployment.status !== 'proposed') {
    throw new BotError('conflict', `The proposal for ${deployment.requestReference} is no longer waiting for an answer (it is ${deployment.status}).`);
  }
  const request = await loadRequestOf(ctx, deployment);
  if (request.status !== 'proposed') throw new BotError('conflict', `${request.reference} is ${request.status}: there is no proposal to pass on.`);
  const at = ctx.clock.now().toISOString();
  const found = pass.then === 'next-candidate' ? await nextProposal(ctx, request, deployment.supporterId, { id: pass.by.id, at, note: pass.why }) : undefined;
  // The heads a manager named to speak for the school stay named on the next proposal.
  const next = found && { ...found, deployment: { ...found.deployment, schoolHeadIds: deployment.schoolHeadIds ?? found.deployment.schoolHeadIds } };
  const withdrawn = await updateDeployment(ctx, deployment, {
    by: pass.by.id,
    action: 'status',
    to: 'cancelled',
    note: pass.why,
    notify: [{ target: { kind: 'person', personId: deployment.supporterId }, event: { kind: 'proposalWithdrawn', deploymentId } }],
  });
  const managers: Notification[] = [
    { target: { kind: 'managerChannel' }, event: { kind: 'requestCardUpdate', requestId: request.id } },
    ...(pass.tellManagers ? [{ target: { kind: 'managerChannel' as const }, event: { kind: 'proposalPassed' as const, deploymentId } }] : []),
  ];
  const ended = { by: pass.by.id, deploymentId, supporterId: deployment.supporterId, note: pass.why };
  if (!next) return { request: await returnToMatching(ctx, request, { ...ended, notify: managers }), withdrawn };

  const passed = await writeAudited(ctx, request, {
    by: pass.by.id,
    action: 'proposal-passed',
    note: `${pass.why}; proposed to ${next.supporter.name}`,
    ref: next.deployment.id,
    changes: {
      excludedCandidateIds: [...new Set([...request.excludedCandidateIds, deployment.supporterId])],
      matchedSupporterId: next.supporter.id,
      decision: { by: pass.by.id, byName: pass.by.name, at, outcome: 'approved', candidateId: next.supporter.id },
    },
    notify: [
      ...managers,
      { target: { kind: 'person', personId: request.requesterId }, event: { kind: 'requestMatched', requestId: request.id, deploymentId: next.deployment.id } },
      { target: { kind: 'person', personId: next.supporter.id }, event: { kind: 'deploymentProposed', deploymentId: next.deployment.id } },
    ],
  });
  // Only the winner of the deployment's etag race gets here, so the next proposal is made once.
  await saveProposal(ctx, next.deployment);
  return { request: passed, withdrawn, proposed: next };
}

/** The best candidate not yet proposed or passed over who can still be proposed. */
async function nextProposal(ctx: ServiceContext, request: SupportRequest, passedOverId: string, by: { id: string; at: string; note: string }): Promise<Proposal | undefined> {
  const excludedCandidateIds = [...new Set([...request.excludedCandidateIds, passedOverId])];
  const stored = request.candidates.filter((candidate) => !excludedCandidateIds.includes(candidate.personId));
  const ranked = stored.length ? stored : await proposeCandidates(ctx, { ...request, excludedCandidateIds });
  for (const candidate of ranked) {
    try {
      return await proposalFor(ctx, request, candidate.personId, by);
    } catch (error) {
      // Left the directory since the ranking was stored: try the next.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return undefined;
}

/** A manager withdraws an unanswered proposal: the supporter is told politely, the request is back on the manager's card. */
export async function withdrawProposal(ctx: ServiceContext, manager: Stored<Person>, deploymentId: string): Promise<PassOutcome> {
  requireManager(manager, 'withdraw a proposal');
  return passProposal(ctx, manager.allianceId, deploymentId, { by: manager, then: 'matching', why: `withdrawn by ${manager.name}`, tellManagers: false });
}

/** A manager re-assigns an unanswered proposal to the next best candidate. */
export async function reassignProposal(ctx: ServiceContext, manager: Stored<Person>, deploymentId: string): Promise<PassOutcome> {
  requireManager(manager, 're-assign a proposal');
  return passProposal(ctx, manager.allianceId, deploymentId, { by: manager, then: 'next-candidate', why: `re-assigned by ${manager.name}`, tellManagers: false });
}
