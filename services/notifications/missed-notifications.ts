import type { Person } from '../domain/person.js';
import { ConcurrencyError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import { withoutMeta, type Stored } from '../store/document-store.js';
import type { OutboxMessage } from './outbox-message.js';

// Notifications the outbox gave up delivering to a person (they blocked the bot, or their chat
// answered 404) are shown to them as what waits for them when they next write. So that nobody
// else's turn pays an outbox query, the outbox marks the person record after recording a failure,
// and a turn looks only when the mark is there.
//
// Nothing is lost between the two: the failure is stored before the mark, every mark changes the
// record, and a turn removes the mark only from the version it read before looking. A failure
// recorded after that read has changed the record, so the removal loses and the mark stays.

/** At most this many are shown in one turn; the mark stays for the rest. */
const TAKEN_PER_TURN = 50;
const MARK_ATTEMPTS = 10;
/** Failed messages the start-up sweep reads. */
const SWEPT = 1000;

/** Called once the outbox has stored a message to this person as failed: their next turn shows it. */
export async function markMissedNotification(ctx: ServiceContext, allianceId: string, personId: string): Promise<void> {
  for (let attempt = 0; attempt < MARK_ATTEMPTS; attempt++) {
    const person = await ctx.store.get<Person>(allianceId, personId);
    // Nobody to tell: not a directory person (a stranger asking to join), or erased with their messages.
    if (person?.type !== 'person' || person.erasedAt) return;
    try {
      await ctx.store.replace<Person>({ ...withoutMeta(person), missedNotifications: (person.missedNotifications ?? 0) + 1 }, person._etag);
      return;
    } catch (error) {
      // Their own turn, or another failure, wrote the record first: read it again.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  throw new ConcurrencyError('The person record');
}

/**
 * Marks everyone with a failed notification who is not marked: failures recorded before marks
 * existed, or by a process that stopped before marking. Run at start-up; the newest failures first.
 * Returns how many people it marked.
 */
export async function markUnmarkedFailures(ctx: ServiceContext): Promise<number> {
  const failed = await ctx.store.queryAllAlliances<OutboxMessage>({
    type: 'outbox',
    where: [{ field: 'status', op: 'eq', value: 'failed' }],
    orderBy: [{ field: 'failedAt', direction: 'desc' }],
    limit: SWEPT,
  });
  const people = new Map<string, { allianceId: string; personId: string }>();
  for (const { allianceId, target } of failed) {
    if (target.kind === 'person') people.set(`${allianceId}|${target.personId}`, { allianceId, personId: target.personId });
  }
  let marked = 0;
  for (const { allianceId, personId } of people.values()) {
    const person = await ctx.store.get<Person>(allianceId, personId);
    // Already marked: their next turn finds every failure stored before it reads the record.
    if (person?.type !== 'person' || person.erasedAt || person.missedNotifications) continue;
    await markMissedNotification(ctx, allianceId, personId);
    marked += 1;
  }
  return marked;
}

/**
 * The notifications the outbox gave up on for the person speaking, taken as delivered: they are
 * shown what waits for them instead, and the messages drop off the manager's delivery problems.
 * `person` is the record as this turn read it, before looking. Costs nothing when it is not marked.
 */
export async function takeMissedNotifications(ctx: ServiceContext, person: Stored<Person>): Promise<number> {
  if (!person.missedNotifications) return 0;
  const missed = await ctx.store.query<OutboxMessage>(person.allianceId, {
    type: 'outbox',
    where: [{ field: 'status', op: 'eq', value: 'failed' }, { field: 'target.personId', op: 'eq', value: person.id }],
    limit: TAKEN_PER_TURN,
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
  if (missed.length < TAKEN_PER_TURN) await unmark(ctx, person);
  return taken;
}

async function unmark(ctx: ServiceContext, person: Stored<Person>): Promise<void> {
  const { missedNotifications: _shown, ...unmarked } = withoutMeta(person);
  try {
    await ctx.store.replace<Person>(unmarked, person._etag);
  } catch (error) {
    // Changed since this turn read it, perhaps by a newer failure: the mark stays, the next turn looks again.
    if (!(error instanceof ConcurrencyError)) throw error;
  }
}
