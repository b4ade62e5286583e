// The generated alliance the turn benches run on, and what each measured intent sends: shared by
// bench/turn-cost.bench.ts (store calls per turn) and bench/turns.bench.ts (latency against an echo bot).
import { generateAlliance, generatedTeamsId, type GeneratedSpeakers } from '../scripts/generate-directory.js';
import type { DocumentStore } from '../services/store/document-store.js';
import { BROKERAGE_CHANNEL, cardAction, type Place, type TeamsUser } from '../test/helpers/teams-harness.js';
import { PAST_VISIT, waitingRequestId } from './post-match-fixtures.js';

/** Where generated history ends: the TeamsHarness clock (Mon 23 Nov 2026, 10:00 UTC). */
export const BENCH_NOW = new Date('2026-11-23T10:00:00Z');
/** A hub's shape: about one school per 1.2 supporters, one head per school; people = supporters + heads. */
const SCHOOL_SHARE = 0.45;

/** An alliance of `people` people (supporters and one head per school) with `requests` requests over three years. */
export function generateHub(store: DocumentStore, allianceId: string, people: number, requests: number): Promise<GeneratedSpeakers> {
  const schools = Math.max(10, Math.round(people * SCHOOL_SHARE));
  return generateAlliance(store, {
    allianceId, schools, supporters: people - schools, requestsPerYear: Math.ceil(requests / 3), years: 3, now: BENCH_NOW,
  });
}

/** A generated speaker as Teams shows them to the bot. */
export function benchSpeaker(allianceId: string, speakers: GeneratedSpeakers, role: keyof GeneratedSpeakers): TeamsUser {
  return { id: `29:${allianceId}-${role}`, aadObjectId: generatedTeamsId(allianceId, role), name: speakers[role].name };
}

export interface BenchIntent {
  name: string;
  speaker: keyof GeneratedSpeakers;
  /** Where the turn happens when not in the speaker's personal chat. */
  place?: Place;
  /**
   * The activity's fields for turn number `n` (0, 1, …; each number once per bench run): a turn that acts
   * on a record acts on the `n`th of bench/post-match-fixtures.ts, so there must be at least n + 1 of them.
   */
  fields(n: number): Record<string, unknown>;
}

/** The intents the issue measures, as the generated head, manager and supporter of `allianceId` send them. */
export function benchIntents(allianceId: string): BenchIntent[] {
  const supportRequestForm = (n: number) => ({
    formId: 'support-request', submissionId: `bench-${allianceId}-${n}`, specialisms: 'maths', phase: 'primary',
    need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
    outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.', daysWanted: '3', preferredStart: '2027-01-11',
  });
  const visitReportForm = (n: number) => ({
    formId: 'visit-report', deploymentId: `deployment-visit-${n}`, visitDate: PAST_VISIT, rag1: 'green', comment1: 'On track',
    activities: 'Observed two lessons and met the maths lead.', nextSteps: 'Staff meeting on calculation policy.', daysUsed: '1', noPupilData: 'true',
  });
  return [
    { name: 'help', speaker: 'head', fields: () => ({ type: 'message', text: 'help' }) },
    { name: 'find a supporter', speaker: 'head', fields: () => ({ type: 'message', text: 'find an SLE in maths' }) },
    { name: 'show request form', speaker: 'head', fields: () => ({ type: 'message', text: 'I need to request support for maths' }) },
    { name: 'submit request', speaker: 'head', fields: (n) => cardAction('support-request.submit', supportRequestForm(n), 'form-card') },
    { name: 'my requests', speaker: 'head', fields: () => ({ type: 'message', text: 'my requests' }) },
    {
      name: 'manager decision (hold)', speaker: 'manager', place: BROKERAGE_CHANNEL,
      fields: (n) => cardAction('request.hold', { requestId: waitingRequestId(n) }, 'manager-card'),
    },
    { name: 'plan confirm (head)', speaker: 'head', fields: (n) => cardAction('plan.confirm', { deploymentId: `deployment-plan-${n}` }, 'plan-card') },
    { name: 'visit report (supporter)', speaker: 'supporter', fields: (n) => cardAction('visit-report.submit', visitReportForm(n), 'visit-card') },
  ];
}
