import type { AuditEntry } from '../domain/audit.js';
import { PLAN_PARTIES, type PlanParty } from '../domain/deployment-plan.js';
import type { Deployment } from '../domain/deployment.js';
import { MID_TERM_REVIEWERS } from '../domain/mid-term-review.js';
import type { SupportRequest } from '../domain/support-request.js';
import { englandDate } from '../clock.js';
import { addWorkingDays } from '../deployments/working-days.js';
import type { ServiceLevels, Stage } from './settings.js';

/** One thing a record waits for, with the dates the tick acts on. Dates are England days (YYYY-MM-DD). */
export interface DueItem {
  stage: Stage;
  recordId: string;
  /** Which of the record's items: the visit date for a visit report, else the stage. */
  item: string;
  /** The day the wait began. */
  since: string;
  /** The last day it is on time. */
  dueDate: string;
  /** Who it waits on; `alliance` is the manager channel. */
  waitsOn: PlanParty[];
  /** The working day after its due date: the person it waits on is nudged. */
  nudgeOn: string;
  /** `escalateAfter` working days after the nudge: the manager channel is told. */
  escalateOn: string;
}

export type DueRecord = SupportRequest | Deployment;

/**
 * What a request or deployment waits for now, under the alliance's service levels. `reported` holds
 * the visit dates already reported; without it every planned visit counts as unreported, which only
 * makes the record looked at sooner (the tick reads its reports before acting).
 */
export function dueItemsOf(record: DueRecord, levels: ServiceLevels, reported: ReadonlySet<string> = new Set()): DueItem[] {
  const item = (stage: Stage, since: string, waitsOn: PlanParty[], key: string = stage): DueItem => {
    const dueDate = addWorkingDays(since, levels.days[stage]);
    const nudgeOn = addWorkingDays(dueDate, 1);
    return { stage, recordId: record.id, item: key, since, dueDate, waitsOn, nudgeOn, escalateOn: addWorkingDays(nudgeOn, levels.escalateAfter) };
  };
  if (record.type === 'supportRequest') {
    if (record.status !== 'submitted' && record.status !== 'matching') return [];
    return [item('decision', waitingSince(record.history, ['submitted', 'matching'], record.createdAt), ['alliance'])];
  }
  const plan = record.plan;
  switch (record.status) {
    case 'proposed':
      return [item('answer', waitingSince(record.history, ['proposed'], record.proposedAt), ['supporter'])];
    case 'accepted':
      if (plan?.status === 'awaiting-confirmation') {
        return [item('plan-confirm', englandDate(new Date(plan.submittedAt)), PLAN_PARTIES.filter((party) => !plan.confirmations[party]))];
      }
      return [item('plan-draft', plan?.changesRequested ? englandDate(new Date(plan.changesRequested.at)) : waitingSince(record.history, ['accepted'], record.updatedAt), ['supporter'])];
    case 'planned':
    case 'active': {
      const reports = (plan?.visitDates ?? []).filter((visit) => !reported.has(visit))
        .map((visit) => item('visit-report', visit, ['supporter'], visit));
      const reviewers = record.midTerm ? MID_TERM_REVIEWERS.filter((party) => !record.midTerm?.reviews[party]) : [];
      return reviewers.length ? [...reports, item('mid-term', record.midTerm!.from, reviewers)] : reports;
    }
    case 'completed':
      return [item('evaluation', waitingSince(record.history, ['completed'], record.updatedAt), ['school'])];
    default:
      return [];
  }
}

/** The day the record last entered one of `statuses` from outside them (moves within them do not restart the clock). */
function waitingSince(history: AuditEntry[], statuses: string[], fallback: string): string {
  const entered = history.filter((entry) => entry.action === 'status' && statuses.includes(entry.to ?? '') && !statuses.includes(entry.from ?? '')).at(-1);
  return englandDate(new Date(entered?.at ?? fallback));
}
