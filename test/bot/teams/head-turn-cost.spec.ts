import { strict as assert } from 'node:assert';
import { generateAlliance, generatedTeamsId, type GeneratedSpeakers } from '../../../scripts/generate-directory.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { REFERENCE_BLOCK } from '../../../services/requests/request-reference.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { countingStore, type CountingStore } from '../../helpers/counting-store.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { personalChat, TeamsHarness, type TeamsUser } from '../../helpers/teams-harness.js';

const HUB = 'cost-hub';

/**
 * Issue 16: a head's submission costs at most 4 store calls in the turn, ranking and the manager card
 * following after it; listing their requests reads each school and person once, however many are shown.
 */
describe("a head's turns cost a few store calls (Teams, over HTTP, brokering in the background)", function () {
  this.timeout(60_000);
  let counting: CountingStore;
  let speakers: GeneratedSpeakers;
  let head: TeamsUser;
  const harness = new TeamsHarness(async (path) => {
    const inner = new SqliteStore(path);
    speakers = await generateAlliance(inner, { allianceId: HUB, schools: 40, supporters: 60, requestsPerYear: 30, years: 1, now: new Date('2026-11-23T10:00:00Z') });
    counting = countingStore(inner, { turnsOnly: true });
    return counting.store;
  });
  const form = (submissionId: string) => ({
    formId: 'support-request', submissionId, specialisms: 'maths', phase: 'primary',
    need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
    outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.', daysWanted: '3', preferredStart: '2027-01-11',
  });
  const submit = async (submissionId: string) => {
    const answer = await harness.press(head, 'support-request.submit', form(submissionId), 'form-card');
    assert.equal(answer.status, 200);
    return JSON.stringify(answer.body);
  };
  const request = (submissionId: string) => harness.app.store.get<SupportRequest>(HUB, `request-${submissionId}`);

  before(async () => {
    harness.brokerInBackground = true;
    await harness.start();
    head = { id: '29:head', aadObjectId: generatedTeamsId(HUB, 'head'), name: speakers.head.name };
    // The first submission after start reads the reference counter and the directory once.
    await submit('warmUp01');
    await harness.app.broker!.idle();
  });
  after(() => harness.stop());

  it('stores the request in 4 store calls (who is speaking, the school still a member, the request) and answers with its reference', async () => {
    counting.reset();
    const answer = await submit('measured01');
    assert.deepEqual(counting.cost().calls, { get: 3, create: 1 });
    assert.match(answer, /Request received: S2S-2026-0002/);
    assert.equal((await request('measured01'))?.reference, 'S2S-2026-0002');
  });

  it('keeps every submission at 4 store calls or fewer while blocks of references are reserved off the turn', async () => {
    const references: string[] = [];
    for (let n = 0; n < 3 * REFERENCE_BLOCK; n++) {
      counting.reset();
      references.push(/S2S-2026-\d{4}/.exec(await submit(`many${n}x`))![0]);
      assert.ok(counting.cost().storeCalls <= 4, `submission ${n + 1}: ${JSON.stringify(counting.cost().calls)}`);
    }
    assert.deepEqual(references, [...references].sort(), 'one instance hands out rising numbers');
    assert.equal(new Set(references).size, references.length);
    await harness.app.broker!.idle();
  });

  it('brokers it after the turn: candidates frozen on it and the manager card queued', async () => {
    await submit('brokered01');
    await harness.app.broker!.idle();
    const brokered = await request('brokered01');
    assert.equal(brokered?.status, 'matching');
    assert.ok(brokered.candidates.length > 0, 'candidates ranked');
    const cards = await harness.app.store.query<OutboxMessage>(HUB, { type: 'outbox' });
    assert.ok(cards.some((m) => m.event.kind === 'requestForManagers' && m.event.requestId === brokered.id), 'manager card queued');
  });

  it('answers a second send of the same form with the first request, and leaves no gap in the references', async () => {
    const first = await submit('twice01');
    const again = await submit('twice01');
    assert.match(again, /We already have this request/);
    const reference = /S2S-2026-(\d{4})/.exec(first)![1];
    assert.match(await submit('after01'), new RegExp(`S2S-2026-${String(Number(reference) + 1).padStart(4, '0')}`));
    await harness.app.broker!.idle();
  });

  it('lists a full page of requests in "my requests" reading the school, the head and the alliance once each', async () => {
    counting.reset();
    const answer = await harness.say(head, 'my requests');
    assert.equal(answer.status, 200);
    const listed = harness.connector.posted(personalChat(head).conversationId).at(-1)!;
    assert.equal((textOf(listed).match(/S2S-2026-\d{4}/g) ?? []).length >= 10, true, 'a full page is shown');
    // Who is speaking (identity, person), the page of requests, the alliance (due dates), the school.
    assert.ok(counting.cost().storeCalls <= 5, JSON.stringify(counting.cost().calls));
  });
});
