import type { fixedClock } from '../../services/clock.js';
import { proposeDemoSupport } from './demo-deployment.js';
import { runServiceLevelTick } from '../../services/service-levels/service-level-tick.js';
import type { DocumentStore } from '../../services/store/document-store.js';

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
  const { requestId, deploymentId, supporter } = await proposeDemoSupport(store, clock, 3, 'escalated-proposal');
  clock.set('2026-12-01T10:00:00Z');
  await runServiceLevelTick({ store, clock });
  return { requestId, deploymentId, supporterId: supporter.id };
}
