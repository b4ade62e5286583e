import type { Person } from '../domain/person.js';
import { ConcurrencyError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';
import type { OutboxMessage } from './outbox-message.js';

/**
 * Notifications the outbox gave up delivering to this person (they blocked the bot, or their chat
 * answered 404). When the person writes again they are shown what waits for them instead, so these
 * count as delivered and drop off the manager's delivery problems.
 */
export async function takeMissedNotifications(ctx: ServiceContext, person: Stored<Person>): Promise<number> {
  const missed = await ctx.store.query<OutboxMessage>(person.allianceId, {
    type: 'outbox',
    where: [{ field: 'status', op: 'eq', value: 'failed' }, { field: 'target.personId', op: 'eq', value: person.id }],
    limit: 50,
  });
  const at = ctx.clock.now().toISOString();
  let taken = 0;
  for (const message of missed) {
    try {
      await ctx.store.replace<OutboxMessage>({ ...message, status: 'sent', sentAt: at, deliveredOnReturn: true }, message._etag);
      taken += 1;
    } catch (error) {
      // Another turn of the same person took it first.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  return taken;
}
