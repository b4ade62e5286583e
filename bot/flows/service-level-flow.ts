import type { Person } from '../../services/domain/person.js';
import { STAGES, type Stage } from '../../services/service-levels/settings.js';
import { remindAgain } from '../../services/service-levels/remind-again.js';
import { reassignProposal, withdrawProposal, type PassOutcome } from '../../services/requests/pass-proposal.js';
import { NotFoundError } from '../../services/errors.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord } from '../../services/store/get-record.js';
import { textReply, type TurnResult } from '../conversation/reply.js';
import type { FlowContext } from './flow-context.js';

const PARTIES = { supporter: 'the supporter', school: 'the school', alliance: 'the manager channel' } as const;

/** "Remind again" on an escalation card: the nudge goes out now, at most once a day per item. */
export async function remindFromCard(ctx: FlowContext, person: Stored<Person>, recordId: string, stage: string): Promise<TurnResult> {
  if (!(STAGES as readonly string[]).includes(stage)) throw new NotFoundError('That stage');
  const reminder = await remindAgain(ctx, person, recordId, stage as Stage);
  const who = reminder.waitsOn.map((party) => PARTIES[party]).join(' and ');
  return {
    replies: [textReply(reminder.sent
      ? `Reminded ${who} again about ${reminder.reference}.`
      : `${reminder.reference}: ${who} ${reminder.waitsOn.length > 1 ? 'were' : 'was'} already reminded today. You can remind them again tomorrow.`)],
  };
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
