import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import { BotError, ValidationError } from '../errors.js';
import { personInAllianceWithEmail } from '../identity/email-index.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { loadAsParty } from './deployment-parties.js';
import { updateDeployment } from './update-deployment.js';

/**
 * A manager names another head of the supported school to speak for it on a deployment (the head who
 * asked left, or shares the work): from then on that head confirms the plan, evaluates and hears the news.
 */
export async function nameSchoolHead(ctx: ServiceContext, manager: Stored<Person>, deploymentId: string, headEmail: string): Promise<Stored<Deployment>> {
  const { deployment } = await loadAsParty(ctx, manager, deploymentId, ['alliance'], 'Only an alliance manager can name the heads who speak for a school.');
  const head = await personInAllianceWithEmail(ctx.store, deployment.allianceId, headEmail);
  if (!head || head.erasedAt || head.role !== 'head' || head.baseSchoolUrn !== deployment.schoolUrn) {
    const problem = `${headEmail} is not a head at the supported school (URN ${deployment.schoolUrn}) in this alliance.`;
    throw new ValidationError([{ field: 'email', message: problem }], problem);
  }
  if (deployment.schoolHeadIds.includes(head.id)) return deployment;
  if (deployment.status === 'evaluated' || deployment.status === 'cancelled' || deployment.status === 'declined') {
    throw new BotError('conflict', `${deployment.requestReference} is ${deployment.status}; there is nothing left for the school to do on it.`);
  }
  return updateDeployment(ctx, deployment, {
    by: manager.id,
    action: 'school-head-named',
    ref: head.id,
    changes: { schoolHeadIds: [...deployment.schoolHeadIds, head.id] },
    notify: [{ target: { kind: 'person', personId: head.id }, event: { kind: 'schoolHeadNamed', deploymentId } }],
  });
}
