import type { Deployment } from '../domain/deployment.js';
import type { PlanParty } from '../domain/deployment-plan.js';
import { type Person, isManager } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { ForbiddenError } from '../errors.js';
import { getRecord } from '../store/get-record.js';
import type { Notification } from '../notifications/notification.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

/**
 * Which of the three parties a person speaks for on this deployment: its supporter, the alliance
 * (a manager or admin of the deployment's alliance), or the supported school (the head who asked,
 * or one a manager named; other heads of the school are not a party).
 */
export function partyOf(person: Person, deployment: Deployment): PlanParty | undefined {
  if (person.erasedAt || person.allianceId !== deployment.allianceId) return undefined;
  if (person.id === deployment.supporterId) return 'supporter';
  if (isManager(person)) return 'alliance';
  if (person.role === 'head' && deployment.schoolHeadIds.includes(person.id)) return 'school';
  return undefined;
}

/** The party the person speaks for, or ForbiddenError when they are not party to it. */
export function requireParty(person: Person, deployment: Deployment, allowed: readonly PlanParty[], message: string): PlanParty {
  const party = partyOf(person, deployment);
  if (!party || !allowed.includes(party)) throw new ForbiddenError(message);
  return party;
}

/** The deployment, read in the person's own alliance, and the party they speak for on it; ForbiddenError when that party may not do this. */
export async function loadAsParty(
  ctx: ServiceContext,
  person: Person,
  deploymentId: string,
  allowed: readonly PlanParty[],
  message: string,
): Promise<{ deployment: Stored<Deployment>; party: PlanParty }> {
  const deployment = await loadDeployment(ctx, person.allianceId, deploymentId);
  return { deployment, party: requireParty(person, deployment, allowed, message) };
}

export async function loadDeployment(ctx: ServiceContext, allianceId: string, deploymentId: string): Promise<Stored<Deployment>> {
  return getRecord(ctx, allianceId, deploymentId, 'deployment');
}

export async function loadRequestOf(ctx: ServiceContext, deployment: Deployment): Promise<Stored<SupportRequest>> {
  return getRecord(ctx, deployment.allianceId, deployment.requestId, 'supportRequest', 'The support request');
}

/** Who hears about a deployment: its supporter, the school's heads on it, and the manager channel. */
export function notifyParties(
  deployment: Deployment,
  parties: readonly PlanParty[],
  event: Notification['event'],
): Notification[] {
  const targets: Record<PlanParty, Array<Notification['target']>> = {
    supporter: [{ kind: 'person', personId: deployment.supporterId }],
    school: deployment.schoolHeadIds.map((personId) => ({ kind: 'person', personId })),
    alliance: [{ kind: 'managerChannel' }],
  };
  return parties.flatMap((party) => targets[party].map((target) => ({ target, event })));
}
