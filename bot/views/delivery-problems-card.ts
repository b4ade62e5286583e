import { actions, button, card, heading, text, type CardElement, type MessageCard } from '../../cards/message-card.js';
import { showUkTime } from '../../cards/uk-date.js';
import type { DeliveryProblem } from '../../services/notifications/delivery-problems.js';
import { ACTIONS } from '../flows/action-ids.js';

/** For managers: notifications that could not be delivered, who missed what and why, newest first, each with "Send again". */
export function buildDeliveryProblemsCard(problems: DeliveryProblem[]): MessageCard {
  if (problems.length === 0) return card('No delivery problems', [text('Every notification has been delivered or is still on its way.')]);
  const entries: CardElement[] = problems.flatMap((p) => [
    text(`${p.who} missed the ${p.what}`),
    text(`${showUkTime(p.failedAt)}, after ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}: ${p.reason}`, { muted: true }),
    actions([button(ACTIONS.sendAgain, 'Send again', { messageId: p.messageId })]),
  ]);
  return card(`${problems.length} notification${problems.length === 1 ? '' : 's'} could not be delivered`, [
    heading('Notifications that could not be delivered'),
    ...entries,
    text('Fix the cause first (link the brokerage channel, ask the person to open a chat with the bot), then send again. People who have not opened a chat with the bot are also reached when they next write to it.', { muted: true }),
  ]);
}
