import type { Specialism } from '../domain/specialisms.js';

/** A request counts under its first specialism, the one the school put first: totals then add up. */
export interface SpecialismCount {
  specialism: Specialism;
  label: string;
  count: number;
}

export interface MatchLine {
  reference: string;
  school: string;
  supporter: string;
  /** When the manager approved the match. */
  at: string;
}

export interface WaitingLine {
  reference: string;
  school: string;
  /** Whole days since the request was submitted. */
  days: number;
}

export interface VisitLine {
  /** Local date, YYYY-MM-DD. */
  date: string;
  reference: string;
  school: string;
  supporter: string;
}

/** Planned visits in the week the digest goes out (the one after the reported week) and the week after. */
export interface UpcomingVisits {
  thisWeek: number;
  nextWeek: number;
  /** The soonest, in date order. */
  shown: VisitLine[];
}

/** An item past its due date (services/service-levels) when the digest was computed. */
export interface SlippingLine {
  reference: string;
  /** What it waits for, e.g. "visit report of 2026-12-21". */
  what: string;
  dueDate: string;
  /** e.g. "2 days overdue". */
  late: string;
}

/** Days and what they cost in pounds (days × each deployment's agreed day rate). */
export interface Spend {
  days: number;
  cost: number;
}

export interface SpecialismSpend {
  /** Absent when the deployment's request is no longer on record. */
  specialism?: Specialism;
  label: string;
  deployments: number;
  /** See deploymentDays: planned days while under way, delivered days once ended. */
  committed: Spend;
  /** Days the reports say were used. */
  delivered: Spend;
}

/**
 * One alliance's week for its managers, as plain data: numbers, and short lists naming schools and
 * supporters. The bot renders it as an Adaptive Card or Block Kit, the CLI as text
 * (formatDigestText). Overdue visit reports join when visit reports are recorded.
 */
export interface WeeklyDigest {
  allianceId: string;
  allianceName: string;
  /** The ISO week reported on, e.g. 2026-W48, with its Monday and Sunday (YYYY-MM-DD, local). */
  week: string;
  firstDay: string;
  lastDay: string;
  /** The calendar the week is in (IANA name): for showing times as local. */
  timeZone: string;
  /** When "waiting" is measured: the end of the week, or the time of asking while it still runs. */
  asOf: string;
  /** Nothing new, nothing waiting, no visits ahead: renderers say so in one line. */
  quiet: boolean;
  /** Support requests made during the week; diagnostics are counted on their own below. */
  newRequests: { count: number; bySpecialism: SpecialismCount[] };
  /** Diagnostic visits asked for and reported during the week, and the days reported. */
  diagnostics: { requested: number; reported: number; days: number };
  /** Times someone chose to message an expert directly during the week (who and whom are kept, never what). */
  directContacts: number;
  /** Requests a manager matched to a supporter during the week (moved to proposed); latest first. */
  matchesMade: { count: number; latest: MatchLine[] };
  /** Requests submitted or in matching at `asOf`, longest-waiting first; on-hold ones only counted. */
  waitingForMatch: { count: number; averageDays: number; longest: WaitingLine[]; onHold: number };
  /** Schools' evaluations recorded during the week, with the supporters' average effectiveness (1–4). */
  evaluations: { count: number; averageRating?: number };
  visits: UpcomingVisits;
  /** Items past due at `asOf`, by stage and oldest first. */
  slipping: { count: number; byStage: Array<{ label: string; count: number }>; oldest: SlippingLine[] };
  /**
   * The term the week ends in (see termOf), up to the end of the week: deployments planned, active,
   * completed or evaluated, by the date they were matched, with their days committed and delivered
   * counted as everywhere else (deploymentDays).
   */
  term: { name: string; firstDay: string; lastDay: string; deployments: number; committed: Spend; delivered: Spend; bySpecialism: SpecialismSpend[] };
}
