import { academicYearOf } from '../domain/academic-year.js';
import { COMMITTED_STATUSES, type Deployment } from '../domain/deployment.js';
import { RECENT_WINDOW_DAYS, type Workload } from './match-scoring.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What workload counts of a deployment: the in-memory directory keeps only this. */
export type WorkloadFacts = Pick<Deployment, 'supporterId' | 'status' | 'createdAt' | 'daysCommitted' | 'effectivenessRating'>;

interface Tally {
  daysCommitted: number;
  recentDeployments: number;
  ratingSum: number;
  ratingCount: number;
}

/** The earliest creation time that can count: the academic year's start or the recent window's, whichever is first. */
export function workloadWindowStart(now: Date): Date {
  return new Date(Math.min(academicYearOf(now).start.getTime(), recentSince(now)));
}

/**
 * Each supporter's workload at `now`: days in committed deployments created this academic year,
 * committed deployments created in the last RECENT_WINDOW_DAYS days, and every effectiveness
 * rating they have had (ratings follow a supporter from year to year).
 */
export function summariseWorkloads(deployments: Iterable<WorkloadFacts>, now: Date): Map<string, Workload> {
  return summariseWorkloadsUntil(deployments, now).workloads;
}

/**
 * The workloads at `now`, and the first instant (ms) they stop being true while no deployment
 * changes: the academic year ends, a recent deployment leaves the window, or one dated after `now`
 * enters it. Until then they can be reused rather than summed again over every deployment.
 */
export function summariseWorkloadsUntil(deployments: Iterable<WorkloadFacts>, now: Date): { workloads: Map<string, Workload>; validUntil: number } {
  const year = academicYearOf(now);
  const recentStart = recentSince(now);
  let validUntil = year.end.getTime();
  const tallies = new Map<string, Tally>();
  for (const deployment of deployments) {
    let tally = tallies.get(deployment.supporterId);
    if (!tally) {
      tally = { daysCommitted: 0, recentDeployments: 0, ratingSum: 0, ratingCount: 0 };
      tallies.set(deployment.supporterId, tally);
    }
    const created = Date.parse(deployment.createdAt);
    if (COMMITTED_STATUSES.includes(deployment.status)) {
      if (created >= year.start.getTime() && created < year.end.getTime()) tally.daysCommitted += deployment.daysCommitted;
      if (created >= recentStart && created <= now.getTime()) {
        tally.recentDeployments += 1;
        validUntil = Math.min(validUntil, created + RECENT_WINDOW_DAYS * DAY_MS + 1);
      } else if (created > now.getTime()) {
        validUntil = Math.min(validUntil, created);
      }
    }
    if (deployment.effectivenessRating !== undefined) {
      tally.ratingSum += deployment.effectivenessRating;
      tally.ratingCount += 1;
    }
  }
  const workloads = new Map<string, Workload>();
  for (const [supporterId, { ratingSum, ...tally }] of tallies) {
    workloads.set(supporterId, { ...tally, ...(tally.ratingCount > 0 ? { ratingAverage: ratingSum / tally.ratingCount } : {}) });
  }
  return { workloads, validUntil };
}

function recentSince(now: Date): number {
  return now.getTime() - RECENT_WINDOW_DAYS * DAY_MS;
}
