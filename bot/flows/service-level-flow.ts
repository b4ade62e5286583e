import type { Person } from '../../services/domain/person.js';
import { remindNow } from '../../services/service-levels/remind-now.js';
import { reassignProposal, withdrawProposal, type PassOutcome } from '../../services/requests/pass-proposal.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord } from '../../services/store/get-record.js';
import { textReply, type TurnResult } from '../conversation/reply.js';
import type { FlowContext } from './flow-context.js';

const PARTIES = { supporter: 'the supporter', school: 'the school', alliance: 'the alliance' } as const;

/** "Remind again" on an escalation card: the same reminder as the board's, at most once a day per request. */
export async function remindFromCard(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  const { reference, reminded } = await remindNow(ctx, person, requestId);
  return { replies: [textReply(`Reminded ${reminded.map((party) => PARTIES[party]).join(' and ')} again about ${reference}.`)] };
}

/** "Withdraw" on an escalation card: the supporter is told politely; the request goes back to its card. */
export async function withdrawFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const outcome = await withdrawProposal(ctx, person, deploymentId);
  return { replies: [], replaceSource: textReply(`${await passedLine(ctx, person, outcome)} The request is back on its card for a new choice.`) };
}

/** "Re-assign" on an escalation card: the next best candidate is asked instead. */
export async function reassignFromCard(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const outcome = await reassignProposal(ctx, person, deploymentId);
  const next = outcome.proposed
    ? `${outcome.proposed.supporter.name}, the next best candidate, has been asked instead.`
    : 'There is no other candidate with free days, so the request is back on its card for a new choice.';
  return { replies: [], replaceSource: textReply(`${await passedLine(ctx, person, outcome)} ${next}`) };
}

async function passedLine(ctx: FlowContext, person: Stored<Person>, outcome: PassOutcome): Promise<string> {
  const supporter = await findRecord(ctx, person.allianceId, outcome.withdrawn.supporterId, 'person');
  return `${outcome.request.reference}: ${person.name} withdrew the proposal to ${supporter?.name ?? 'the supporter'}, who has been told politely.`;
}
