import assert from 'node:assert/strict';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { BotError, ForbiddenError } from '../../../services/errors.js';
import { reassignProposal, withdrawProposal } from '../../../services/requests/pass-proposal.js';
import { deploymentIdFor } from '../../../services/requests/decide-request.js';
import { respondToProposal } from '../../../services/requests/respond-to-proposal.js';
import { ALLIANCE, openWorld, type World } from '../deployments/deployment-fixtures.js';
import { addRunnerUp, dateProposal, told } from '../service-levels/pass-fixtures.js';

/** The escalation card's Re-assign and Withdraw, as services (auto-pass shares them: auto-pass.spec.ts). */
describe('passing an unanswered proposal on (services)', () => {
  let world: World;
  beforeEach(async () => {
    // Proposed Fri 20 Nov; by Tue 1 Dec the answer is overdue and escalated.
    world = await openWorld('proposed', '2026-11-20T10:00:00Z');
    await dateProposal(world);
    world.clock.set('2026-12-01T10:00:00Z');
  });
  afterEach(async () => { await world.close(); });

  const deployment = async (id = world.deployment.id) => (await world.store.get<Deployment>(ALLIANCE, id))!;
  const request = async () => (await world.store.get<SupportRequest>(ALLIANCE, world.request.id))!;

  it('withdraws the proposal: the supporter is told politely, the request is back on the manager card without them', async () => {
    const outcome = await withdrawProposal(world.ctx, world.manager, world.deployment.id);
    assert.equal(outcome.proposed, undefined);
    const withdrawn = await deployment();
    assert.equal(withdrawn.status, 'cancelled');
    assert.deepEqual(withdrawn.history.at(-1), { at: '2026-12-01T10:00:00.000Z', by: world.manager.id, action: 'status', from: 'proposed', to: 'cancelled', note: 'withdrawn by Mo Manager' });
    const back = await request();
    assert.equal(back.status, 'matching');
    assert.deepEqual(back.excludedCandidateIds, [world.supporter.id]);
    assert.deepEqual((await told(world)).sort((a, b) => a.kind.localeCompare(b.kind)), [
      { kind: 'proposalWithdrawn', to: world.supporter.id },
      { kind: 'requestCardUpdate', to: 'managerChannel' },
    ]);
  });

  it('re-assigns to the next candidate stored on the request', async () => {
    const runnerUp = await addRunnerUp(world);
    const outcome = await reassignProposal(world.ctx, world.manager, world.deployment.id);
    assert.equal(outcome.proposed?.supporter.id, runnerUp.id);
    assert.equal((await deployment()).status, 'cancelled');
    const next = await deployment(deploymentIdFor(world.request.id, runnerUp.id));
    assert.equal(next.status, 'proposed');
    assert.deepEqual(next.schoolHeadIds, world.deployment.schoolHeadIds, 'the heads who speak for the school stay named');
    const passed = await request();
    assert.equal(passed.matchedSupporterId, runnerUp.id);
    assert.equal(passed.history.at(-1)?.note, 're-assigned by Mo Manager; proposed to Pia Second');
    assert.deepEqual((await told(world)).filter((m) => m.kind === 'deploymentProposed' || m.kind === 'proposalWithdrawn').sort((a, b) => a.kind.localeCompare(b.kind)), [
      { kind: 'deploymentProposed', to: runnerUp.id },
      { kind: 'proposalWithdrawn', to: world.supporter.id },
    ]);
  });

  it('refuses anyone but a manager, and changes nothing once the supporter has answered', async () => {
    await assert.rejects(withdrawProposal(world.ctx, world.supporter, world.deployment.id), ForbiddenError);
    await assert.rejects(reassignProposal(world.ctx, world.head, world.deployment.id), ForbiddenError);
    await respondToProposal(world.ctx, world.supporter, world.deployment.id, { accept: true });
    await assert.rejects(withdrawProposal(world.ctx, world.manager, world.deployment.id), (error: unknown) =>
      error instanceof BotError && error.code === 'conflict' && /no longer waiting for an answer \(it is accepted\)/.test(error.message));
    assert.equal((await deployment()).status, 'accepted');
    assert.equal((await request()).status, 'accepted');
  });
});
