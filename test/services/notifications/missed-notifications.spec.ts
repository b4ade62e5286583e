import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { ReminderScheduler } from '../../../services/deployments/ReminderScheduler.js';
import type { Person } from '../../../services/domain/person.js';
import { createLogger } from '../../../services/logger.js';
import { markMissedNotification, takeMissedNotifications } from '../../../services/notifications/missed-notifications.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { sendAgain } from '../../../services/notifications/send-again.js';
import { erasePersonData } from '../../../services/privacy/erase-person-data.js';
import { withoutMeta, type DocumentStore, type Stored } from '../../../services/store/document-store.js';
import { countingStore } from '../../helpers/counting-store.js';
import { createFakeChannelApi, type FakeChannelApi } from '../../helpers/fake-channel-api.js';
import { seededRandom, SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { ALLIANCE, allMessages, deliveryOn, drain, enqueueMany, fakeDeliverer } from './outbox-fixtures.js';

/** person-1 talks to the bot on Slack, person-2 on Teams (outbox-fixtures.ts). */
const PRIYA = 'person-1';

describe('missed notifications: marked by the outbox, shown on the next turn', () => {
  let shared: SharedStore;
  let store: DocumentStore;
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const ctx = () => ({ store, clock });
  let api: FakeChannelApi;
  let batches = 0;

  const personAt = async (id: string) => (await store.get<Person>(ALLIANCE, id)) as Stored<Person>;
  /** `each` notifications to person-1 and person-2 (and one to the manager channel), delivered now. */
  async function notify(each: number, blocked: string[]): Promise<void> {
    await enqueueMany(ctx(), { people: 2, each, forManagers: 1 }, `batch-${++batches}`);
    api = createFakeChannelApi({ clock, blocked });
    await drain([deliveryOn(ctx(), fakeDeliverer(api), seededRandom(batches))], store, clock);
  }

  beforeEach(async () => {
    shared = await SHARED_STORE_KINDS[0].open();
    store = await shared.connect();
    for (const [id, name] of [[PRIYA, 'Priya Shah'], ['person-2', 'Mark Davies']]) {
      await store.create<Person>({
        id, allianceId: ALLIANCE, type: 'person', name, email: `${id}@school.example`, role: 'head', baseSchoolUrn: '100001',
        specialisms: [], phases: [], daysPerYear: 0, updatedAt: clock.now().toISOString(),
      });
    }
  });
  afterEach(() => shared.close());

  it('marks the person once for each message the outbox gives up on, and nobody it reached', async () => {
    await notify(2, ['slack:person-1', 'slack:managers']);
    assert.equal((await personAt(PRIYA)).missedNotifications, 2);
    assert.equal((await personAt('person-2')).missedNotifications, undefined);
  });

  it('shows a marked person what they missed once, unmarks them, and costs the next turn no store call', async () => {
    await notify(2, ['slack:person-1']);
    assert.equal(await takeMissedNotifications(ctx(), await personAt(PRIYA)), 2);
    const after = await personAt(PRIYA);
    assert.equal(after.missedNotifications, undefined);
    const theirs = (await allMessages(store)).filter((m) => m.target.kind === 'person' && m.target.personId === PRIYA);
    assert.deepEqual(theirs.map((m) => [m.status, m.deliveredOnReturn]), [['sent', true], ['sent', true]]);

    const counting = countingStore(store);
    assert.equal(await takeMissedNotifications({ store: counting.store, clock }, after), 0);
    assert.equal(counting.total(), 0, 'nothing missed: no outbox query');
  });

  it('keeps the mark when a failure is recorded while a turn shows the earlier ones, so the next turn shows it', async () => {
    await notify(1, ['slack:person-1']);
    const readByTheTurn = await personAt(PRIYA);
    // The outbox gives up on a newer message just after the turn looked at the outbox.
    const racing = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return async (allianceId: string, query: { type: string }) => {
          const found = await target.query(allianceId, query as never);
          if (query.type === 'outbox') await notify(1, ['slack:person-1']);
          return found;
        };
      },
    });
    assert.equal(await takeMissedNotifications({ store: racing, clock }, readByTheTurn), 1);
    assert.equal((await personAt(PRIYA)).missedNotifications, 2, 'still marked: the newer failure is not lost');

    assert.equal(await takeMissedNotifications(ctx(), await personAt(PRIYA)), 1, 'the next turn shows the newer one');
    assert.equal((await personAt(PRIYA)).missedNotifications, undefined);
  });

  it('takes a message the manager sent again off what the person missed, and marks them again if it fails again', async () => {
    await notify(1, ['slack:person-1']);
    const [failed] = (await allMessages(store)).filter((m): m is OutboxMessage & { target: { personId: string } } => m.status === 'failed' && m.target.kind === 'person');
    await sendAgain(ctx(), ALLIANCE, failed.id);
    assert.equal(await takeMissedNotifications(ctx(), await personAt(PRIYA)), 0, 'queued again, so not missed');
    assert.equal((await personAt(PRIYA)).missedNotifications, undefined);

    await drain([deliveryOn(ctx(), fakeDeliverer(api), seededRandom(99))], store, clock);
    assert.equal((await store.get<OutboxMessage>(ALLIANCE, failed.id))?.status, 'failed');
    assert.equal(await takeMissedNotifications(ctx(), await personAt(PRIYA)), 1);
  });

  it('marks at start-up whoever a failure left unmarked (stored before marks existed, or by a process that stopped first)', async () => {
    await notify(1, ['slack:person-1']);
    const { missedNotifications: _mark, ...unmarked } = await personAt(PRIYA);
    await store.replace<Person>(withoutMeta(unmarked), unmarked._etag);
    const startUp = async () => {
      const scheduler = new ReminderScheduler(ctx(), { enabled: false, digestCron: '0 7 * * 1', timeZone: 'Europe/London' }, createLogger('silent'));
      scheduler.sweepNow();
      await scheduler.stop();
    };
    await startUp();
    assert.equal((await personAt(PRIYA)).missedNotifications, 1);
    await startUp();
    assert.equal((await personAt(PRIYA)).missedNotifications, 1, 'someone already marked is left as they are');
    assert.equal((await personAt('person-2')).missedNotifications, undefined);
    assert.equal(await takeMissedNotifications(ctx(), await personAt(PRIYA)), 1);
  });

  it('leaves no mark on an erased person, and marks no one once they are erased', async () => {
    await notify(1, ['slack:person-1']);
    await erasePersonData(ctx(), `${PRIYA}@school.example`, 'cli:test');
    assert.ok(!('missedNotifications' in (await personAt(PRIYA))));
    await markMissedNotification(ctx(), ALLIANCE, PRIYA);
    assert.ok(!('missedNotifications' in (await personAt(PRIYA))));
  });
});
