import { type Person, isManager } from '../../services/domain/person.js';
import { ForbiddenError } from '../../services/errors.js';
import { listDeliveryProblems } from '../../services/notifications/delivery-problems.js';
import { sendAgain } from '../../services/notifications/send-again.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type TurnResult } from '../conversation/reply.js';
import { buildDeliveryProblemsCard } from '../views/delivery-problems-card.js';
import type { FlowContext } from './flow-context.js';

const SHOWN = 20;

function requireManager(person: Person): void {
  if (!isManager(person)) throw new ForbiddenError('Only the alliance manager can see and resend delivery problems.');
}

/** "delivery problems" (managers): notifications the outbox gave up on, in their alliance. */
export async function showDeliveryProblems(ctx: FlowContext, person: Stored<Person>): Promise<TurnResult> {
  requireManager(person);
  return { replies: [cardReply(buildDeliveryProblemsCard(await listDeliveryProblems(ctx, person.allianceId, SHOWN)))] };
}

/** "Send again" on a delivery problem: back in the queue, and the list redrawn without it. */
export async function sendAgainFromCard(ctx: FlowContext, person: Stored<Person>, messageId: string): Promise<TurnResult> {
  requireManager(person);
  await sendAgain(ctx, person.allianceId, messageId);
  return {
    replies: [textReply('Sent again. If it fails again it comes back to this list with the reason.')],
    replaceSource: cardReply(buildDeliveryProblemsCard(await listDeliveryProblems(ctx, person.allianceId, SHOWN))),
  };
}
