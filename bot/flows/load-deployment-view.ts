import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId, type School } from '../../services/domain/school.js';
import { partyOf } from '../../services/deployments/deployment-parties.js';
import { NotFoundError } from '../../services/errors.js';
import type { Stored } from '../../services/store/document-store.js';
import type { FlowContext } from './flow-context.js';

export interface DeploymentView {
  deployment: Stored<Deployment>;
  school?: School;
  /** "S2S-2026-0042 at Riverside Primary School": what a form or card is about. */
  subject: string;
}

/**
 * A deployment the person is party to, with its school for display. Anyone else gets "not found",
 * so a stale or forwarded button reveals nothing about another school's deployment.
 */
export async function loadDeploymentView(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<DeploymentView> {
  const deployment = deploymentId ? await ctx.store.get<Deployment>(person.allianceId, deploymentId) : undefined;
  if (!deployment || deployment.type !== 'deployment' || !partyOf(person, deployment)) throw new NotFoundError('That deployment');
  const school = await ctx.store.get<School>(person.allianceId, schoolId(deployment.schoolUrn));
  return { deployment, school, subject: `${deployment.requestReference} at ${school?.name ?? `URN ${deployment.schoolUrn}`}` };
}
