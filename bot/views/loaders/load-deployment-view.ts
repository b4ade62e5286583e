import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import { schoolId, type School } from '../../../services/domain/school.js';
import { partyOf } from '../../../services/deployments/deployment-parties.js';
import { NotFoundError } from '../../../services/errors.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { Stored } from '../../../services/store/document-store.js';
import { findRecord } from '../../../services/store/get-record.js';

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
export async function loadDeploymentView(ctx: ServiceContext, person: Stored<Person>, deploymentId: string): Promise<DeploymentView> {
  const deployment = await findRecord(ctx, person.allianceId, deploymentId, 'deployment');
  if (!deployment || !partyOf(person, deployment)) throw new NotFoundError('That deployment');
  const school = await findRecord(ctx, person.allianceId, schoolId(deployment.schoolUrn), 'school');
  return { deployment, school, subject: `${deployment.requestReference} at ${school?.name ?? `URN ${deployment.schoolUrn}`}` };
}
