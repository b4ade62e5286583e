import type { Deployment } from '../domain/deployment.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import { findRecord } from '../store/get-record.js';
import { deploymentIdFor } from './decide-request.js';

/** The deployment of the supporter the request is matched with, if it is matched. */
export async function matchedDeployment(ctx: ServiceContext, request: SupportRequest): Promise<Stored<Deployment> | undefined> {
  if (!request.matchedSupporterId) return undefined;
  return findRecord(ctx, request.allianceId, deploymentIdFor(request.id, request.matchedSupporterId), 'deployment');
}
