import type { TeamsHarness, TeamsUser } from './teams-harness.js';
import type { fixedClock } from '../../services/clock.js';
import { confirmPlan } from '../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../services/deployments/submit-plan.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../services/directory/seed-demo.js';
import type { Person } from '../../services/domain/person.js';
import { decideRequest, deploymentIdFor } from '../../services/requests/decide-request.js';
import { respondToProposal } from '../../services/requests/respond-to-proposal.js';
import { submitSupportRequest } from '../../services/requests/submit-request.js';
import type { DocumentStore, Stored } from '../../services/store/document-store.js';
import { personIdOf } from './person-ids.js';

export interface DemoDeployment {
  deploymentId: string;
  head: Stored<Person>;
  manager: Stored<Person>;
  supporter: Stored<Person>;
}

/**
 * In the demo alliance on Mon 23 Nov 2026: Mark Davies asks for `days` days of maths support and
 * Helen Carter proposes Priya Shah. `submissionId` keeps each caller's request its own.
 */
export async function proposeDemoSupport(store: DocumentStore, clock: ReturnType<typeof fixedClock>, days: number, submissionId: string): Promise<DemoDeployment & { requestId: string }> {
  const ctx = { store, clock };
  const person = async (email: string) => (await store.get<Person>(DEMO_ALLIANCE_ID, await personIdOf(store, email))) as Stored<Person>;
  const [head, manager, supporter] = await Promise.all([DEMO_IDENTITIES.head, DEMO_IDENTITIES.manager, DEMO_IDENTITIES.supporter].map((who) => person(who.email)));
  clock.set('2026-11-23T10:00:00Z');
  const { request } = await submitSupportRequest(ctx, head, {
    specialisms: ['maths'], phase: 'primary', daysWanted: days, preferredStart: '2026-12-01',
    need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
    outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
  }, { via: 'cli', submissionId });
  await decideRequest(ctx, manager, request.id, { outcome: 'approve', candidateId: supporter.id });
  return { requestId: request.id, deploymentId: deploymentIdFor(request.id, supporter.id), head, manager, supporter };
}

/**
 * The proposal of `proposeDemoSupport` (2 days), accepted by Priya Shah, who plans one objective
 * with visits on Tue 1 and Tue 8 Dec; all three confirm. The bot's outbox then sends the agreed plan.
 */
export async function agreeDemoPlan(store: DocumentStore, clock: ReturnType<typeof fixedClock>): Promise<DemoDeployment> {
  const ctx = { store, clock };
  const { deploymentId, head, manager, supporter } = await proposeDemoSupport(store, clock, 2, 'demo-deployment');
  await respondToProposal(ctx, supporter, deploymentId, { accept: true });
  await submitPlan(ctx, supporter, deploymentId, {
    objectives: [{ objective: 'Consistent calculation policy', successCriteria: 'Policy in every class', impactMeasure: 'Book scrutiny' }],
    days: 2, visitDates: ['2026-12-01', '2026-12-08'],
  });
  for (const party of [supporter, manager, head]) await confirmPlan(ctx, party, deploymentId);
  return { deploymentId, head, manager, supporter };
}

/**
 * Starts the bot with `people` installed and the plan of `agreeDemoPlan` agreed, on Wed 2 Dec 2026:
 * the day after its first visit, when the supporter reports it.
 */
export async function startOnAgreedDemoPlan(harness: TeamsHarness, people: TeamsUser[]): Promise<DemoDeployment> {
  await harness.start();
  for (const person of people) await harness.install(person);
  const demo = await agreeDemoPlan(harness.app.store, harness.clock);
  harness.clock.set('2026-12-02T10:00:00Z');
  return demo;
}
