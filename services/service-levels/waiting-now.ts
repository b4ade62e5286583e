import type { PlanParty } from '../domain/deployment-plan.js';
import type { Deployment } from '../domain/deployment.js';
import type { SupportRequest } from '../domain/support-request.js';
import { dueItemsOf, type DueItem, type DueRecord } from './due-items.js';
import { describeDue } from './due-label.js';
import type { ServiceLevels } from './settings.js';

/** What a request waits for now, as the board shows it. */
export interface WaitingNow<R extends DueRecord = DueRecord> {
  /** The record whose stage it is: the request until a supporter is matched, then the deployment. */
  record: R;
  /** Items already begun (a visit not yet made has no report to wait for). */
  items: DueItem[];
  /** The earliest due date among them, as people read it ("due Thu 10 Dec", "2 days overdue"). */
  due?: string;
  overdue: boolean;
  /** Who could be reminded: everyone it waits on but the alliance itself. */
  remindable: PlanParty[];
}

/**
 * The record that speaks for a request now (its matched deployment, unless that was declined or
 * cancelled) and what it waits for as of `today`, under the alliance's service levels.
 */
export function waitingNow<Q extends SupportRequest, D extends Deployment>(
  request: Q, deployment: D | undefined, levels: ServiceLevels, reported: ReadonlySet<string>, today: string,
): WaitingNow<Q | D> {
  const record: Q | D = deployment && deployment.status !== 'declined' && deployment.status !== 'cancelled' ? deployment : request;
  const items = dueItemsOf(record, levels, reported).filter((item) => item.since <= today);
  const dueDate = items.map((item) => item.dueDate).sort()[0];
  return {
    record,
    items,
    ...(dueDate ? { due: describeDue(dueDate, today) } : {}),
    overdue: dueDate !== undefined && dueDate < today,
    remindable: [...new Set(items.flatMap((item) => item.waitsOn))].filter((party) => party !== 'alliance'),
  };
}
