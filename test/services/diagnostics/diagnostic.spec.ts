import assert from 'node:assert/strict';
import { computeDigest } from '../../../services/digest/compute-digest.js';
import { countDiagnostics } from '../../../services/diagnostics/count-diagnostics.js';
import { followOnPrefill, raiseFollowOnRequest } from '../../../services/diagnostics/follow-on-request.js';
import { requestDiagnostic } from '../../../services/diagnostics/request-diagnostic.js';
import { submitDiagnosticReport } from '../../../services/diagnostics/submit-diagnostic-report.js';
import { summariseFinance } from '../../../services/deployments/finance-export.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { DiagnosticReportInput } from '../../../services/domain/diagnostic.js';
import { fixturePersonId } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import { requestKind, type SupportRequest } from '../../../services/domain/support-request.js';
import { BotError, ForbiddenError, ValidationError } from '../../../services/errors.js';
import { decideRequest, deploymentIdFor } from '../../../services/requests/decide-request.js';
import { respondToProposal } from '../../../services/requests/respond-to-proposal.js';
import type { Stored } from '../../../services/store/document-store.js';
import { ALLIANCE, openWorld, outboxEvents, type World } from '../deployments/deployment-fixtures.js';

const REPORT: DiagnosticReportInput = {
  visitDate: '2026-12-08',
  daysUsed: 1.5,
  strengths: 'Calm classrooms and a strong early reading programme',
  priorities: 'Reasoning in KS2 maths; subject leadership in maths',
  recommendedSpecialisms: ['maths', 'curriculum-leadership'],
  recommendedPhase: 'primary',
  recommendedDays: 6,
  noPupilData: true,
};

describe('diagnostic visits', () => {
  let world: World;
  let nle: Stored<Person>;

  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    nle = await world.store.create<Person>({
      id: fixturePersonId('nia.nle@kingfisher.example'), allianceId: ALLIANCE, type: 'person', email: 'nia.nle@kingfisher.example', name: 'Nia Nle',
      role: 'supporter', baseSchoolUrn: '990002', designation: 'NLE', specialisms: ['curriculum-leadership'], phases: ['primary'], daysPerYear: 10,
      updatedAt: '2026-09-01T00:00:00.000Z',
    });
  });
  afterEach(() => world.close());

  async function askForDiagnostic(submissionId = 'diag-000001') {
    return requestDiagnostic(world.ctx, world.head, {
      specialisms: ['maths'], phase: 'primary', need: 'We would like someone to look at maths across the school first', daysWanted: 1, preferredStart: '2026-12-07',
    }, { via: 'teams', submissionId });
  }

  async function reportedDiagnostic() {
    const { request } = await askForDiagnostic();
    await decideRequest(world.ctx, world.manager, request.id, { outcome: 'approve', candidateId: nle.id });
    const deploymentId = deploymentIdFor(request.id, nle.id);
    await respondToProposal(world.ctx, nle, deploymentId, { accept: true });
    world.clock.set('2026-12-09T10:00:00Z');
    return { request, deploymentId, outcome: await submitDiagnosticReport(world.ctx, nle, deploymentId, REPORT) };
  }

  it('is brokered like a request, offering system leaders rather than SLEs', async () => {
    const { request, alreadyReceived } = await askForDiagnostic();
    assert.equal(alreadyReceived, false);
    assert.equal(request.kind, 'diagnostic');
    assert.equal(request.status, 'matching');
    // The SLE fits maths exactly, but a diagnostic goes to a system leader.
    assert.deepEqual(request.candidates.map((c) => c.name), ['Nia Nle']);
    assert.ok((await outboxEvents(world)).some((e) => e.kind === 'requestForManagers'));
  });

  it('falls back to anyone who fits when no system leader is free', async () => {
    await world.store.replace<Person>({ ...nle, daysPerYear: 0 }, nle._etag);
    const { request } = await askForDiagnostic();
    assert.deepEqual(request.candidates.map((c) => c.name), ['Sam Sle']);
  });

  it('refuses more than 2 days and asks only heads', async () => {
    await assert.rejects(requestDiagnostic(world.ctx, world.head, {
      specialisms: [], phase: 'primary', need: 'We would like someone to look at maths across the school first', daysWanted: 3 as 1, preferredStart: '2026-12-07',
    }, { via: 'teams', submissionId: 'diag-000002' }), (error: ValidationError) => error.problems[0].field === 'daysWanted');
    await assert.rejects(askForDiagnosticAs(world.supporter), ForbiddenError);
  });

  function askForDiagnosticAs(person: Stored<Person>) {
    return requestDiagnostic(world.ctx, person, {
      specialisms: [], phase: 'primary', need: 'We would like someone to look at maths across the school first', daysWanted: 1, preferredStart: '2026-12-07',
    }, { via: 'teams', submissionId: 'diag-000003' });
  }

  it('is reported without a plan: the deployment and request complete, at the days used and the leader\'s rate', async () => {
    const { request, deploymentId, outcome } = await reportedDiagnostic();
    assert.equal(outcome.alreadyReceived, false);
    assert.equal(outcome.deployment.status, 'completed');
    assert.equal(outcome.deployment.kind, 'diagnostic');
    assert.equal(outcome.deployment.daysCommitted, 1.5);
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, request.id))?.status, 'completed');
    const events = await outboxEvents(world);
    assert.deepEqual(events.filter((e) => e.kind === 'diagnosticReported').map((e) => e.target).sort(), [world.head.id, 'managerChannel'].sort());

    const again = await submitDiagnosticReport(world.ctx, nle, deploymentId, REPORT);
    assert.equal(again.alreadyReceived, true);

    const finance = await summariseFinance(world.ctx, ALLIANCE, { from: '2026-12-01', to: '2026-12-31' });
    const line = finance.lines.find((l) => l.deploymentId === deploymentId);
    assert.deepEqual(line && [line.kind, line.designation, line.dayRate, line.days, line.amount], ['diagnostic', 'NLE', 550, 1.5, 825]);
  });

  it('is reported only by its leader, once accepted, with a sound report', async () => {
    const { request } = await askForDiagnostic();
    await decideRequest(world.ctx, world.manager, request.id, { outcome: 'approve', candidateId: nle.id });
    const deploymentId = deploymentIdFor(request.id, nle.id);
    await assert.rejects(submitDiagnosticReport(world.ctx, nle, deploymentId, REPORT), (e: BotError) => e.code === 'conflict' && /accepted/.test(e.message));
    await respondToProposal(world.ctx, nle, deploymentId, { accept: true });
    await assert.rejects(submitDiagnosticReport(world.ctx, world.supporter, deploymentId, REPORT), ForbiddenError);
    await assert.rejects(submitDiagnosticReport(world.ctx, nle, deploymentId, { ...REPORT, recommendedSpecialisms: [] }),
      (e: ValidationError) => e.problems.some((p) => p.field === 'recommendedSpecialisms'));
    await assert.rejects(submitDiagnosticReport(world.ctx, nle, deploymentId, { ...REPORT, visitDate: '2026-12-20' }),
      (e: ValidationError) => e.problems.some((p) => p.field === 'visitDate'));
    // A support deployment is not reported this way.
    await assert.rejects(submitDiagnosticReport(world.ctx, world.supporter, world.deployment.id, REPORT), (e: BotError) => e.code === 'conflict');
    assert.equal((await world.store.get<Deployment>(ALLIANCE, deploymentId))?.status, 'accepted');
  });

  it('turns into the recommended support request, raised by the manager for the school, once', async () => {
    const { request, outcome } = await reportedDiagnostic();
    const prefill = followOnPrefill(outcome.report, '2026-12-09');
    assert.deepEqual([prefill.specialisms, prefill.phase, prefill.daysWanted], [['maths', 'curriculum-leadership'], 'primary', 6]);
    assert.match(prefill.need, /Reasoning in KS2 maths/);

    await assert.rejects(raiseFollowOnRequest(world.ctx, world.otherHead, outcome.report.id, prefill, { via: 'slack', submissionId: 'follow-000001' }), ForbiddenError);
    const { request: followOn, alreadyReceived } = await raiseFollowOnRequest(world.ctx, world.manager, outcome.report.id, prefill, { via: 'slack', submissionId: 'follow-000001' });
    assert.equal(alreadyReceived, false);
    assert.deepEqual([requestKind(followOn), followOn.requesterId, followOn.schoolUrn, followOn.status, followOn.followsDiagnosticReportId],
      ['support', world.head.id, '990001', 'matching', outcome.report.id]);
    assert.equal(followOn.history[0].by, world.manager.id);
    assert.equal((await world.store.get<SupportRequest>(ALLIANCE, request.id))?.status, 'closed');

    const second = await raiseFollowOnRequest(world.ctx, world.head, outcome.report.id, prefill, { via: 'teams', submissionId: 'follow-000002' });
    assert.deepEqual([second.alreadyReceived, second.request.id], [true, followOn.id]);
  });

  it('is counted apart from support', async () => {
    await reportedDiagnostic();
    const counts = await countDiagnostics(world.ctx, ALLIANCE, { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    assert.deepEqual(counts, { requested: 1, reported: 1, days: 1.5, followedOn: 0 });
    assert.deepEqual(await countDiagnostics(world.ctx, ALLIANCE, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
      { requested: 0, reported: 0, days: 0, followedOn: 0 });

    // Asked for in week 49, reported in week 50: never among the new support requests.
    world.clock.set('2026-12-14T09:00:00Z');
    const asked = await computeDigest(world.ctx, ALLIANCE, '2026-W49');
    assert.deepEqual([asked.newRequests.count, asked.diagnostics], [0, { requested: 1, reported: 0, days: 0 }]);
    const reported = await computeDigest(world.ctx, ALLIANCE, '2026-W50');
    assert.deepEqual(reported.diagnostics, { requested: 0, reported: 1, days: 1.5 });
    assert.equal(reported.quiet, false);
    assert.ok(reported.term.bySpecialism.some((group) => group.label === 'Diagnostic visits' && group.delivered.cost === 825 && group.committed.cost === 825));
  });
});
