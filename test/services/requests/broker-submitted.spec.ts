import { strict as assert } from 'node:assert';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { brokerStuckRequests } from '../../../services/requests/broker-submitted.js';
import { submitSupportRequest } from '../../../services/requests/submit-request.js';
import type { Stored } from '../../../services/store/document-store.js';
import { ALLIANCE, SUPPORTED_URN, openWorld, outboxEvents, type World } from '../deployments/deployment-fixtures.js';

const INPUT = {
  specialisms: ['maths'], phase: 'primary', need: 'Reasoning in KS2 maths is weak across the school',
  outcomes: 'Pupils explain their reasoning in every lesson', daysWanted: 3, preferredStart: '2027-01-11',
} as const;

/** A request as storeRequest leaves it when the process stops before brokering it. */
async function storeUnbrokered(world: World, submissionId: string, createdAt: string): Promise<Stored<SupportRequest>> {
  return world.store.create<SupportRequest>({
    id: `request-${submissionId}`, allianceId: ALLIANCE, type: 'supportRequest', reference: `S2S-2026-9${submissionId.length}`,
    schoolUrn: SUPPORTED_URN, requesterId: world.head.id, specialisms: ['maths'], phase: 'primary', need: INPUT.need,
    outcomes: INPUT.outcomes, daysWanted: 3, preferredStart: INPUT.preferredStart, status: 'submitted', candidates: [],
    excludedCandidateIds: [], createdVia: 'teams', createdAt, updatedAt: createdAt,
    history: [{ at: createdAt, by: world.head.id, action: 'status', to: 'submitted' }],
  });
}

const read = (world: World, id: string) => world.store.get<SupportRequest>(ALLIANCE, id);

describe('requests left unbrokered by a crash', () => {
  let world: World;
  beforeEach(async () => { world = await openWorld('accepted', '2026-12-01T09:00:00Z'); });
  afterEach(async () => { await world.close(); });

  it('the sweep brokers a request stuck in submitted, once, and tells the managers', async () => {
    await storeUnbrokered(world, 'stuckOne', '2026-12-01T08:40:00.000Z');
    assert.equal(await brokerStuckRequests(world.ctx), 1);
    const request = await read(world, 'request-stuckOne');
    assert.equal(request?.status, 'matching');
    assert.deepEqual(request?.candidates.map((c) => c.personId), [world.supporter.id]);
    assert.equal(request?.history.at(-1)?.by, world.head.id, 'recorded as finishing the head’s submission');
    assert.equal((await outboxEvents(world)).filter((e) => e.kind === 'requestForManagers').length, 1);
    assert.equal(await brokerStuckRequests(world.ctx), 0, 'nothing left to sweep');
  });

  it('leaves a request that may still be in its head’s turn (under two minutes old)', async () => {
    await storeUnbrokered(world, 'justNow', '2026-12-01T08:59:30.000Z');
    assert.equal(await brokerStuckRequests(world.ctx), 0);
    assert.equal((await read(world, 'request-justNow'))?.status, 'submitted');
  });

  it('two instances sweeping at once broker each request once', async () => {
    await storeUnbrokered(world, 'raceOne', '2026-12-01T08:00:00.000Z');
    const counts = await Promise.all([brokerStuckRequests(world.ctx), brokerStuckRequests(world.ctx)]);
    assert.equal(counts[0] + counts[1], 1);
    const request = await read(world, 'request-raceOne');
    assert.equal(request?.history.filter((entry) => entry.to === 'matching').length, 1);
  });

  it('a double submit of the same form after the crash resumes the brokering', async () => {
    await storeUnbrokered(world, 'formAbc', '2026-12-01T08:59:50.000Z');
    const again = await submitSupportRequest(world.ctx, world.head, { ...INPUT, specialisms: [...INPUT.specialisms] }, { via: 'teams', submissionId: 'formAbc' });
    assert.equal(again.alreadyReceived, true);
    assert.equal(again.request.status, 'matching');
    assert.equal((await outboxEvents(world)).filter((e) => e.kind === 'requestForManagers').length, 1);
  });
});
