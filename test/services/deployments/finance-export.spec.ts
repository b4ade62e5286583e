import assert from 'node:assert/strict';
import { financeCsv, summariseFinance } from '../../../services/deployments/finance-export.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Designation } from '../../../services/domain/designations.js';
import { visitReportId, type VisitReport } from '../../../services/domain/visit-report.js';
import { ValidationError } from '../../../services/errors.js';
import { ALLIANCE, BASE_URN, openWorld, SUPPORTED_URN, type World } from './deployment-fixtures.js';

const THIRD_URN = '990003';

// Hand-computed for December 2026:
//   D1 SLE £250, Riverside ← Kingfisher: 1 + 0.5 days (5 Jan is outside)  = 1.5 days, £375
//   D2 NLE £550, Riverside ← Heron:      2 days                           = 2 days,   £1,100
//   D3 SLE £250, Heron ← Kingfisher:     1.5 days (30 Nov is outside)     = 1.5 days, £375
//   charged: Riverside 3.5 days £1,475; Heron 1.5 days £375
//   reimbursed: Kingfisher 3 days £750; Heron 2 days £1,100; total 5 days £1,850
describe('finance export', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld('active');
    await world.store.create({ id: `school-${THIRD_URN}`, allianceId: ALLIANCE, type: 'school', urn: THIRD_URN, name: 'Heron School', phase: 'primary', updatedAt: '2026-09-01T00:00:00Z' });
    await addDeployment('d2', 'S2S-2026-0002', SUPPORTED_URN, THIRD_URN, 'NLE', 550);
    await addDeployment('d3', 'S2S-2026-0003', THIRD_URN, BASE_URN, 'SLE', 250);
    await addReport(world.deployment.id, '2026-12-01', 1);
    await addReport(world.deployment.id, '2026-12-10', 0.5);
    await addReport(world.deployment.id, '2027-01-05', 1);
    await addReport('deployment-d2', '2026-12-03', 2);
    await addReport('deployment-d3', '2026-11-30', 1);
    await addReport('deployment-d3', '2026-12-15', 1.5);
  });
  afterEach(async () => { await world.close(); });

  async function addDeployment(suffix: string, reference: string, schoolUrn: string, baseSchoolUrn: string, designation: Designation, dayRate: number) {
    await world.store.create<Deployment>({ ...world.deployment, id: `deployment-${suffix}`, requestReference: reference, schoolUrn, baseSchoolUrn, designation, dayRate });
  }

  async function addReport(deploymentId: string, visitDate: string, daysUsed: number) {
    await world.store.create<VisitReport>({
      id: visitReportId(deploymentId, visitDate), allianceId: ALLIANCE, type: 'visitReport', deploymentId, requestId: 'r', supporterId: world.supporter.id,
      visitDate, progress: [], objectives: [], activities: 'a', nextSteps: 'n', daysUsed, noPupilData: true, submittedAt: `${visitDate}T17:00:00Z`, history: [],
    });
  }

  const december = { from: '2026-12-01', to: '2026-12-31' };

  it('totals delivered days per school charged and per base school', async () => {
    const summary = await summariseFinance(world.ctx, ALLIANCE, december);
    assert.deepEqual(summary.lines.map((l) => [l.reference, l.days, l.amount]), [['S2S-2026-0001', 1.5, 375], ['S2S-2026-0002', 2, 1100], ['S2S-2026-0003', 1.5, 375]]);
    assert.deepEqual(summary.bySchool.map((t) => [t.name, t.days, t.amount]), [['Riverside Primary School', 3.5, 1475], ['Heron School', 1.5, 375]]);
    assert.deepEqual(summary.byBaseSchool.map((t) => [t.name, t.days, t.amount]), [['Kingfisher Academy', 3, 750], ['Heron School', 2, 1100]]);
    assert.deepEqual(summary.total, { days: 5, amount: 1850 });
  });

  it('writes one CSV with the lines, two labelled totals sections and a grand total', async () => {
    const csv = financeCsv(await summariseFinance(world.ctx, ALLIANCE, december));
    const rows = csv.trim().split('\n');
    assert.equal(rows[0], 'reference,kind,deployment_id,school_charged_urn,school_charged,supporter,base_school_urn,base_school_to_reimburse,designation,day_rate,days,amount');
    assert.equal(rows[1], `S2S-2026-0001,support,${world.deployment.id},990001,Riverside Primary School,Sam Sle,990002,Kingfisher Academy,SLE,250.00,1.5,375.00`);
    assert.ok(rows.includes('Totals by school charged'));
    assert.ok(rows.includes('990001,Riverside Primary School,3.5,1475.00'));
    assert.ok(rows.includes('Totals by base school to reimburse'));
    assert.ok(rows.includes('990003,Heron School,2,1100.00'));
    assert.equal(rows.at(-1), 'Grand total,,5,1850.00');
  });

  it('refuses a period that ends before it starts', async () => {
    await assert.rejects(summariseFinance(world.ctx, ALLIANCE, { from: '2026-12-31', to: '2026-12-01' }), ValidationError);
  });
});
