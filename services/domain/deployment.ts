import type { DueFields } from '../service-levels/due-actions.js';
import type { AuditEntry } from './audit.js';
import type { DeploymentPlan } from './deployment-plan.js';
import type { Designation } from './designations.js';
import type { MidTerm } from './mid-term-review.js';
import type { RequestKind } from './support-request.js';

export const DEPLOYMENT_STATUSES = ['proposed', 'accepted', 'declined', 'planned', 'active', 'completed', 'evaluated', 'cancelled'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** A supporter matched to a support request: the unit that is planned, visited, reported, evaluated and billed. */
export interface Deployment extends DueFields {
  id: string;
  allianceId: string;
  type: 'deployment';
  requestId: string;
  requestReference: string;
  /** 'diagnostic' for a diagnostic visit (reported, not planned); absent for support. */
  kind?: RequestKind;
  supporterId: string;
  /** The school that receives support and is charged. */
  schoolUrn: string;
  /**
   * The heads who speak for the school on this deployment (confirm its plan, evaluate it, hear its
   * news): the head who asked, and any head a manager names. Other heads of the school only see it.
   */
  schoolHeadIds: string[];
  /** The supporter's base school, reimbursed for their time. */
  baseSchoolUrn: string;
  designation: Designation;
  /** Pounds per day, fixed from the alliance's rate when the match is made. */
  dayRate: number;
  /** Days the supporter is committed to: the request's days until a plan sets them. */
  daysCommitted: number;
  status: DeploymentStatus;
  proposedAt: string;
  declineReason?: string;
  /** The agreed (or proposed) plan: objectives, days, visit dates and cost. */
  plan?: DeploymentPlan;
  /** Agreed visit dates that will not happen: those not reported when the deployment completed or was cancelled. */
  cancelledVisits?: string[];
  /** Set once reports reach half the planned days: the supporter and the school each review the support. */
  midTerm?: MidTerm;
  /** The supporter's effectiveness rating 1–4 from the school's evaluation, once given. */
  effectivenessRating?: number;
  createdAt: string;
  updatedAt: string;
  history: AuditEntry[];
}

/** Statuses in which a deployment still takes up the supporter's days. */
export const COMMITTED_STATUSES: readonly DeploymentStatus[] = ['proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated'];
