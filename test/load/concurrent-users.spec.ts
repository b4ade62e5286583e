import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEMO_ALLIANCE_ID } from '../../services/directory/seed-demo.js';
import type { Deployment } from '../../services/domain/deployment.js';
import { canTransition, type RequestStatus } from '../../services/domain/request-lifecycle.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { deploymentIdFor } from '../../services/requests/decide-request.js';
import { BROKERAGE_CHANNEL, type TeamsHarness, type TeamsUser } from '../helpers/teams-harness.js';
import { addHeads, addManagers, COSMOS, inPool, linkSupporters, SQLITE, type StoreUnderTest } from './load-fixtures.js';

// Issue 9: many people using the bot at once over /api/messages. Default size keeps `npm test` quick on
// two cores; the documented soak is LOAD_USERS=500 (or more), LOAD_IN_FLIGHT sets the HTTP concurrency.
const USERS = Number(process.env.LOAD_USERS ?? 200);
const IN_FLIGHT = Number(process.env.LOAD_IN_FLIGHT ?? 50);
/** Every DOUBLE_CLICK-th head presses Send twice at once (same submissionId). */
const DOUBLE_CLICK = 7;
/** Every HOLD_RACE-th request: the second manager presses On hold while the first approves. */
const HOLD_RACE = 4;

const FORMS = [
  { specialisms: 'maths', phase: 'primary' },
  { specialisms: 'english', phase: 'primary' },
  { specialisms: 'science', phase: 'secondary' },
  { specialisms: 'send', phase: 'special' },
];

function answers(i: number) {
  return {
    ...FORMS[i % FORMS.length],
    need: `Load test request ${i}: outcomes fell after staff changes and we need an experienced leader.`,
    outcomes: 'A consistent policy across the school and improved end-of-key-stage results.',
    daysWanted: String(1 + (i % 3)),
    preferredStart: '2026-12-01',
  };
}

for (const target of [SQLITE, COSMOS]) describeLoad(target);

function describeLoad(target: StoreUnderTest): void {
  describe(`load: ${USERS} concurrent users over /api/messages on ${target.name}`, function () {
    this.timeout(Math.max(120_000, USERS * 1_000));
    let harness: TeamsHarness;
    let stop: () => Promise<void>;
    let managers: TeamsUser[];
    let supporters: Map<string, TeamsUser>;
    const statuses: number[] = [];
    const submissionIds: string[] = [];
    const requests = () => harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });
    const deployments = () => harness.app.store.query<Deployment>(DEMO_ALLIANCE_ID, { type: 'deployment' });
    const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      try { return await work(); } finally { console.log(`      ${target.name}: ${label} in ${Date.now() - started} ms`); }
    };
    const press = async (user: TeamsUser, verb: string, data: Record<string, unknown>, place?: typeof BROKERAGE_CHANNEL) => {
      const response = await harness.press(user, verb, data, 'load-card', place);
      statuses.push(response.status);
      return response;
    };

    before(async () => {
      ({ harness, stop } = await target.create());
      managers = await addManagers(harness);
      supporters = await linkSupporters(harness);
    });
    after(() => stop());

    it('stores every submission exactly once, double clicks included, with unique references', async () => {
      const heads = await timed(`${USERS} heads created`, () => addHeads(harness, USERS));
      const replies: string[] = [];
      await timed(`${USERS} submissions`, () => inPool(heads, IN_FLIGHT, async (head, i) => {
        const submissionId = randomBytes(9).toString('base64url');
        submissionIds.push(submissionId);
        const data = { formId: 'support-request', submissionId, ...answers(i) };
        const clicks = i % DOUBLE_CLICK === 0 ? [press(head, 'support-request.submit', data), press(head, 'support-request.submit', data)] : [press(head, 'support-request.submit', data)];
        for (const response of await Promise.all(clicks)) replies.push(JSON.stringify(response.body));
      }));
      assert.deepEqual(statuses.filter((s) => s !== 200), [], 'every turn answered 200');
      const unanswered = replies.filter((r) => !/S2S-2026-\d{4}/.test(r));
      assert.deepEqual(unanswered.slice(0, 3), [], `${unanswered.length} of ${replies.length} presses were not answered with their reference`);

      const stored = await requests();
      assert.equal(stored.length, USERS, 'one stored request per distinct submission');
      assert.deepEqual(stored.map((r) => r.id).sort(), submissionIds.map((s) => `request-${s}`).sort(), 'none lost, none extra');
      assert.equal(new Set(stored.map((r) => r.reference)).size, USERS, 'references are unique');
      for (const request of stored) {
        assert.equal(request.status, 'matching', `${request.reference} reached matching`);
        assert.ok(request.candidates.length > 0, `${request.reference} has candidates`);
      }
    });

    it('lets exactly one of two racing managers decide each request', async () => {
      const [helen, ravi] = managers;
      const open = await requests();
      await timed(`${open.length} decisions raced by 2 managers`, () => inPool(open, Math.ceil(IN_FLIGHT / 2), async (request, i) => {
        const first = { requestId: request.id, candidateId: request.candidates[0].personId };
        const second = i % HOLD_RACE === 0
          ? press(ravi, 'request.hold', { requestId: request.id }, BROKERAGE_CHANNEL)
          : press(ravi, 'request.approve', { requestId: request.id, candidateId: (request.candidates[1] ?? request.candidates[0]).personId }, BROKERAGE_CHANNEL);
        await Promise.all([press(helen, 'request.approve', first, BROKERAGE_CHANNEL), second]);
      }));
      assert.deepEqual(statuses.filter((s) => s !== 200), []);
      const decided = await requests();
      const byRequest = groupDeployments(await deployments());
      for (const request of decided) {
        assert.ok(['proposed', 'on-hold'].includes(request.status), `${request.reference} is ${request.status}`);
        assert.equal(request.history.filter((h) => h.from === 'matching').length, 1, `${request.reference}: one decision`);
        assert.ok(request.decision, `${request.reference} records who decided`);
        if (request.status === 'proposed') {
          assert.deepEqual(byRequest.get(request.id)?.map((d) => d.id), [deploymentIdFor(request.id, request.matchedSupporterId!)], `${request.reference}: one deployment`);
        } else {
          assert.equal(byRequest.get(request.id), undefined, `${request.reference} on hold has no deployment`);
        }
      }
      console.log(`      ${target.name}: ${decided.filter((r) => r.status === 'proposed').length} proposed, ${decided.filter((r) => r.status === 'on-hold').length} on hold`);
    });

    it('lets every proposed supporter accept, and leaves every audit trail complete', async () => {
      const proposed = (await requests()).filter((r) => r.status === 'proposed');
      await timed(`${proposed.length} acceptances`, () => inPool(proposed, IN_FLIGHT, async (request) => {
        const supporter = supporters.get(request.matchedSupporterId!)!;
        await press(supporter, 'proposal.accept', { deploymentId: deploymentIdFor(request.id, request.matchedSupporterId!) });
      }));
      assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no 5xx from any turn');
      assert.deepEqual(statuses.filter((s) => s !== 200), []);

      const final = await requests();
      assert.equal(final.length, USERS);
      const byRequest = groupDeployments(await deployments());
      for (const request of final) {
        assertLegalChain(request);
        const mine = byRequest.get(request.id) ?? [];
        if (request.status === 'on-hold') assert.equal(mine.length, 0);
        else {
          assert.equal(request.status, 'accepted', `${request.reference} accepted`);
          assert.equal(mine.length, 1, `${request.reference}: exactly one deployment`);
          assert.equal(mine[0].status, 'accepted');
          assert.deepEqual(mine[0].history.map((h) => h.to).filter(Boolean), ['proposed', 'accepted'], `${mine[0].id} audit trail`);
        }
      }
    });
  });
}

function groupDeployments(deployments: Deployment[]): Map<string, Deployment[]> {
  const grouped = new Map<string, Deployment[]>();
  for (const d of deployments) grouped.set(d.requestId, [...(grouped.get(d.requestId) ?? []), d]);
  return grouped;
}

/** The status changes start at submitted, each starts where the last ended, each is legal, and the last is the status. */
function assertLegalChain(request: SupportRequest): void {
  const changes = request.history.filter((h) => h.to !== undefined);
  assert.equal(changes[0]?.to, 'submitted', `${request.reference} starts at submitted`);
  assert.equal(changes[0].from, undefined);
  for (let i = 1; i < changes.length; i++) {
    assert.equal(changes[i].from, changes[i - 1].to, `${request.reference}: entry ${i} starts where entry ${i - 1} ended`);
    assert.ok(canTransition(changes[i].from as RequestStatus, changes[i].to as RequestStatus), `${request.reference}: ${changes[i].from} → ${changes[i].to} is legal`);
  }
  assert.equal(changes.at(-1)!.to, request.status, `${request.reference}: history ends at its status`);
}
