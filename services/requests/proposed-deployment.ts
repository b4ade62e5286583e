import { dayRateFor } from '../domain/alliance.js';
import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import { DuplicateError, NotFoundError } from '../errors.js';
import { noteDirectoryChange } from '../matching/directory-version.js';
import type { ServiceContext } from '../service-context.js';
import { withDueFields } from '../service-levels/record-due.js';
import type { Stored } from '../store/document-store.js';
import { findRecord, getRecord } from '../store/get-record.js';

export function deploymentIdFor(requestId: string, supporterId: string): string {
  return `deployment-${requestId.replace(/^request-/, '')}-${supporterId.replace(/^person-/, '')}`;
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
