import { card, heading, list, text, type MessageCard } from '../../cards/message-card.js';
import type { DeliveryProblem } from '../../services/notifications/delivery-problems.js';

/** For managers: notifications that could not be delivered, who missed what and why, newest first. */
export function buildDeliveryProblemsCard(problems: DeliveryProblem[]): MessageCard {
  if (problems.length === 0) return card('No delivery problems', [text('Every notification has been delivered or is still on its way.')]);
  return card(`${problems.length} notification${problems.length === 1 ? '' : 's'} could not be delivered`, [
    heading('Notifications that could not be delivered'),
    list(problems.map((p) => ({
      title: `${p.who} missed the ${p.what}`,
      subtitle: `${p.failedAt.slice(0, 16).replace('T', ' ')} UTC, after ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}`,
      lines: [p.reason],
    }))),
    text('People who have not opened a chat with the bot, or removed it, are reached once they message it again.', { muted: true }),
  ]);
}
