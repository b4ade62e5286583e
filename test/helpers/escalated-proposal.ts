import type { fixedClock } from '../../services/clock.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../services/directory/seed-demo.js';
import type { Person } from '../../services/domain/person.js';
import { decideRequest } from '../../services/requests/decide-request.js';
import { deploymentIdFor } from '../../services/requests/decide-request.js';
import { submitSupportRequest } from '../../services/requests/submit-request.js';
import { runServiceLevelTick } from '../../services/service-levels/service-level-tick.js';
import type { DocumentStore, Stored } from '../../services/store/document-store.js';
import { personIdOf } from './person-ids.js';

export interface EscalatedProposal {
  requestId: string;
  deploymentId: string;
  /** Priya Shah, the demo SLE in maths, proposed and silent. */
  supporterId: string;
}

/**
 * In the demo alliance: Mark Davies asks for maths support on Mon 23 Nov 2026, Helen Carter proposes
 * Priya Shah, who does not answer. On Tue 1 Dec (answer due Thu 26 Nov, nudged Fri 27 Nov) the tick
 * nudges her and escalates to the manager channel; the caller's outbox then posts the card.
 */
export async function escalateUnansweredProposal(store: DocumentStore, clock: ReturnType<typeof fixedClock>): Promise<EscalatedProposal> {
  const ctx = { store, clock };
  const person = async (email: string) => (await store.get<Person>(DEMO_ALLIANCE_ID, await personIdOf(store, email))) as Stored<Person>;
  const [head, manager, supporter] = await Promise.all([DEMO_IDENTITIES.head, DEMO_IDENTITIES.manager, DEMO_IDENTITIES.supporter].map((who) => person(who.email)));
  clock.set('2026-11-23T10:00:00Z');
  const { request } = await submitSupportRequest(ctx, head, {
    specialisms: ['maths'], phase: 'primary', daysWanted: 3, preferredStart: '2026-12-01',
    need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
    outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
  }, { via: 'cli', submissionId: 'escalated-proposal' });
  await decideRequest(ctx, manager, request.id, { outcome: 'approve', candidateId: supporter.id });
  clock.set('2026-12-01T10:00:00Z');
  await runServiceLevelTick(ctx);
  return { requestId: request.id, deploymentId: deploymentIdFor(request.id, supporter.id), supporterId: supporter.id };
}
