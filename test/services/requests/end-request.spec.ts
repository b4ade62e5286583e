import assert from 'node:assert/strict';
import { fixedClock } from '../../../services/clock.js';
import { completeDeployment } from '../../../services/deployments/complete-deployment.js';
import { evaluateDeployment } from '../../../services/deployments/evaluate-deployment.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { addAlliance } from '../../../services/directory/alliances.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { BotError, ForbiddenError, NotFoundError, ValidationError } from '../../../services/errors.js';
import { closeRequest } from '../../../services/requests/close-request.js';
import { decideRequest } from '../../../services/requests/decide-request.js';
import { respondToProposal } from '../../../services/requests/respond-to-proposal.js';
import { reopenRequest, reopenRequestByReference } from '../../../services/requests/reopen-request.js';
import { withdrawRequest } from '../../../services/requests/withdraw-request.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { agreePlan, ALLIANCE, outboxEvents, report, seedWorld, type Parties } from '../deployments/deployment-fixtures.js';

const EVALUATION = { objectives: [{ rating: 4, evidence: 'Books' }, { rating: 3, evidence: 'Meeting notes' }], effectiveness: 4, overall: 'Valued support' };

// The ends of a request's journey: the school withdraws, the manager closes and reopens, a
// deployment completes; on both stores the product runs on.
for (const kind of SHARED_STORE_KINDS) {
  describe(`ending a request on a ${kind.name}`, function () {
    this.timeout(20_000);
    let shared: SharedStore;
    let store: DocumentStore;
    let world: Parties;
    beforeEach(async () => {
      shared = await kind.open();
      store = await shared.connect();
      const clock = fixedClock('2026-12-01T09:00:00Z');
      await addAlliance(store, clock, { id: ALLIANCE, name: 'Test Hub' });
      world = await seedWorld({ store, clock }, 'accepted');
    });
    afterEach(() => shared.close());

    const requestNow = async () => (await store.get<SupportRequest>(ALLIANCE, world.request.id))!;
    const deploymentNow = async () => (await store.get<Deployment>(ALLIANCE, world.deployment.id))!;
    const told = async (kind: string) => (await outboxEvents(world)).filter((e) => e.kind === kind).map((e) => e.target).sort();
    const reason = { reason: 'The new maths lead has it in hand' };

    it('lets the head withdraw a planned request: the supporter is released, visits cancelled, everyone told', async () => {
      await agreePlan(world);
      const withdrawn = await withdrawRequest(world.ctx, world.head, world.request.id, reason);
      assert.equal(withdrawn.status, 'withdrawn');
      assert.deepEqual(withdrawn.history.at(-1), { at: '2026-12-01T09:00:00.000Z', by: world.head.id, action: 'status', from: 'planned', to: 'withdrawn', note: reason.reason });
      const deployment = await deploymentNow();
      assert.equal(deployment.status, 'cancelled');
      assert.deepEqual(deployment.cancelledVisits, ['2026-12-21', '2027-01-11', '2027-01-25']);
      // The head did it herself: she reads the reply, the others the news.
      assert.deepEqual(await told('requestClosed'), [world.supporter.id, 'managerChannel'].sort());
      assert.deepEqual(await told('requestCardUpdate'), ['managerChannel']);
    });

    it('refuses a withdrawal by a head of another school, by the supporter, without a reason, and once support is delivered', async () => {
      await assert.rejects(withdrawRequest(world.ctx, world.otherHead, world.request.id, reason), NotFoundError);
      await assert.rejects(withdrawRequest(world.ctx, world.supporter, world.request.id, reason), ForbiddenError);
      await assert.rejects(withdrawRequest(world.ctx, world.head, world.request.id, { reason: 'no' }), ValidationError);
      assert.equal((await requestNow()).status, 'accepted');
      await agreePlan(world);
      world.ctx.clock = fixedClock('2027-01-26T09:00:00Z');
      for (const date of ['2026-12-21', '2027-01-11', '2027-01-25']) await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report(date));
      await assert.rejects(withdrawRequest(world.ctx, world.head, world.request.id, reason),
        (error: unknown) => error instanceof BotError && error.message === 'S2S-2026-0001 is completed, so it can no longer be withdrawn. Once support is delivered, the alliance manager closes it.');
    });

    it('lets only a manager close a request at any stage, with a reason; a second close is refused', async () => {
      await assert.rejects(closeRequest(world.ctx, world.head, world.request.id, reason), ForbiddenError);
      const closed = await closeRequest(world.ctx, world.manager, world.request.id, { reason: 'The school found support elsewhere' });
      assert.equal(closed.status, 'closed');
      assert.equal(closed.history.at(-1)?.by, world.manager.id);
      assert.equal((await deploymentNow()).status, 'cancelled');
      assert.deepEqual(await told('requestClosed'), [world.head.id, world.supporter.id, 'managerChannel'].sort());
      await assert.rejects(respondToProposal(world.ctx, world.supporter, world.deployment.id, { accept: true }), /This proposal was withdrawn .*nothing to answer/, 'an old proposal card says what happened');
      await assert.rejects(closeRequest(world.ctx, world.manager, world.request.id, reason), /S2S-2026-0001 is closed, so it can no longer be closed/);
    });

    it('reopens a request closed before delivery into matching, without the released supporter', async () => {
      await closeRequest(world.ctx, world.manager, world.request.id, reason);
      await assert.rejects(reopenRequest(world.ctx, world.head, world.request.id), ForbiddenError);
      const reopened = await reopenRequest(world.ctx, world.manager, world.request.id);
      assert.equal(reopened.status, 'matching');
      assert.equal(reopened.matchedSupporterId, undefined);
      assert.ok(reopened.excludedCandidateIds.includes(world.supporter.id));
      assert.deepEqual(await told('requestReopened'), [world.head.id, 'managerChannel'].sort(), 'the released supporter is not told');
      await assert.rejects(reopenRequest(world.ctx, world.manager, world.request.id), /only a closed request can be reopened/);
      await assert.rejects(reopenRequestByReference(world.ctx, world.manager, 's2s-2026-0001'), /only a closed request can be reopened/, 'found by its reference, as written');
      await assert.rejects(reopenRequestByReference(world.ctx, world.manager, 'S2S-2026-9999'), NotFoundError);
    });

    it('reopens delivered support where it stood, so the school can still evaluate', async () => {
      await agreePlan(world);
      world.ctx.clock = fixedClock('2026-12-22T09:00:00Z');
      await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
      await completeDeployment(world.ctx, world.manager, world.deployment.id);
      await closeRequest(world.ctx, world.manager, world.request.id, reason);
      assert.equal((await deploymentNow()).status, 'completed', 'closing delivered support cancels nothing');
      await assert.rejects(evaluateDeployment(world.ctx, world.head, world.deployment.id, EVALUATION), /is closed, so it can no longer be evaluated/);
      const reopened = await reopenRequest(world.ctx, world.manager, world.request.id);
      assert.equal(reopened.status, 'completed');
      assert.deepEqual(await told('requestReopened'), [world.head.id, world.supporter.id, 'managerChannel'].sort());
      await evaluateDeployment(world.ctx, world.head, world.deployment.id, EVALUATION);
      assert.equal((await requestNow()).status, 'evaluated');
    });

    it('completes early: visits not reported are cancelled and the supporter, the head and the channel are told', async () => {
      await agreePlan(world);
      world.ctx.clock = fixedClock('2026-12-22T09:00:00Z');
      await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
      const completed = await completeDeployment(world.ctx, world.manager, world.deployment.id);
      assert.deepEqual(completed.cancelledVisits, ['2027-01-11', '2027-01-25']);
      assert.equal(completed.history.at(-1)?.by, world.manager.id);
      assert.deepEqual(await told('deploymentCompleted'), [world.head.id, world.supporter.id, 'managerChannel'].sort());
    });

    it('approves a request on hold: it resumes and the supporter is proposed in one audited decision', async () => {
      const held = await store.create<SupportRequest>({
        ...world.request, id: 'request-held', reference: 'S2S-2026-0002', status: 'matching', matchedSupporterId: undefined, history: [],
        candidates: [{ personId: world.supporter.id, name: world.supporter.name, score: 1, reason: 'maths' }],
      });
      await decideRequest(world.ctx, world.manager, held.id, { outcome: 'on-hold' });
      await assert.rejects(decideRequest(world.ctx, world.manager, held.id, { outcome: 'on-hold' }), /already decided this request \(on-hold\)/);
      const approved = await decideRequest(world.ctx, world.manager, held.id, { outcome: 'approve', candidateId: world.supporter.id });
      assert.equal(approved.status, 'proposed');
      const entry = approved.history.at(-1)!;
      assert.deepEqual({ ...entry, ref: undefined }, { at: '2026-12-01T09:00:00.000Z', by: world.manager.id, action: 'status', from: 'on-hold', to: 'proposed', note: 'resumed from hold and approved', ref: undefined });
      assert.equal((await store.get<Deployment>(ALLIANCE, entry.ref!))?.status, 'proposed');
      await withdrawRequest(world.ctx, world.head, held.id, { reason: 'We have found help elsewhere' });
      await assert.rejects(decideRequest(world.ctx, world.manager, held.id, { outcome: 'approve', candidateId: world.supporter.id }),
        /S2S-2026-0002 is withdrawn and can no longer be decided here/);
    });
  });
}
