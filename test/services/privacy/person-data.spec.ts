import assert from 'node:assert/strict';
import { evaluateDeployment } from '../../../services/deployments/evaluate-deployment.js';
import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import type { AuditDocument } from '../../../services/domain/audit.js';
import type { Deployment } from '../../../services/domain/deployment.js';
import type { Evaluation } from '../../../services/domain/evaluation.js';
import type { Person } from '../../../services/domain/person.js';
import type { VisitReport } from '../../../services/domain/visit-report.js';
import { NotFoundError } from '../../../services/errors.js';
import { saveConversationLink } from '../../../services/identity/conversation-references.js';
import { ERASED_NAME, ERASED_TEXT, erasePersonData } from '../../../services/privacy/erase-person-data.js';
import { exportPersonData } from '../../../services/privacy/export-person-data.js';
import { textsRecordedBy } from '../../../services/privacy/person-traces.js';
import { checkVisitReport } from '../../../services/deployments/check-visit-report.js';
import { agreePlan, ALLIANCE, openWorld, report, type World } from '../deployments/deployment-fixtures.js';

describe('words a person is recorded as writing (textsRecordedBy)', () => {
  it('finds their reasons, comments and notes wherever a record says they did it, and nobody else\'s', () => {
    const deployment = {
      history: [{ by: 'person-h', action: 'status', to: 'withdrawn', note: 'We found help elsewhere' }, { by: 'person-m', action: 'status', note: 'Manager note' }],
      midTerm: { reviews: { school: { by: 'person-h', verdict: 'some-concerns', comment: 'Slow start', progress: [{ rag: 'amber', comment: 'Year 5 books patchy' }] } } },
    };
    const report = { confirmation: { by: 'person-h', check: 'needs-correction', note: 'It was Year 4' } };
    assert.deepEqual(textsRecordedBy([deployment, report], 'person-h').sort(), ['It was Year 4', 'Slow start', 'We found help elsewhere', 'Year 5 books patchy']);
  });
});

describe('person data export and erasure', () => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    await agreePlan(world);
    world.clock.set('2026-12-22T09:00:00Z');
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21', { daysUsed: 3 }));
    await evaluateDeployment(world.ctx, world.head, world.deployment.id, {
      objectives: [{ rating: 4, evidence: 'Books show it' }, { rating: 3, evidence: 'Lead is confident' }], effectiveness: 4, overall: 'Sam was excellent',
    });
    await saveConversationLink(world.ctx, { allianceId: ALLIANCE, personId: world.supporter.id, channel: 'slack', address: { userId: 'U0SAM' } });
  });
  afterEach(async () => { await world.close(); });

  const audits = () => world.store.query<AuditDocument>(ALLIANCE, { type: 'audit' });

  it('exports every record about the person and audits the export', async () => {
    const exported = await exportPersonData(world.ctx, 'Sam.Sle@Kingfisher.example', 'cli:test');
    const [alliance] = exported.alliances;
    assert.equal(exported.alliances.length, 1);
    assert.equal((alliance.person as Person).name, 'Sam Sle');
    assert.equal((alliance.deployments as Deployment[]).length, 1);
    assert.equal((alliance.visitReports as VisitReport[]).length, 1);
    assert.equal((alliance.evaluationsAbout as Evaluation[])[0].overall, 'Sam was excellent');
    assert.equal((alliance.conversationLinks as unknown[]).length, 1);
    assert.ok(!JSON.stringify(exported).includes('_etag'));
    assert.deepEqual((await audits()).map((a) => [a.action, a.subject, a.by]), [['person-export', world.supporter.id, 'cli:test']]);
  });

  it('erases what a head wrote in records kept about others: a visit-record correction', async () => {
    const [visit] = await world.store.query<VisitReport>(ALLIANCE, { type: 'visitReport' });
    await checkVisitReport(world.ctx, world.head, visit.id, { check: 'needs-correction', note: 'The lesson seen was Year 4, not Year 5' });
    await erasePersonData(world.ctx, world.head.email, 'cli:test');
    const checked = await world.store.get<VisitReport>(ALLIANCE, visit.id);
    assert.equal(checked?.confirmation?.note, ERASED_TEXT);
    assert.equal(checked?.confirmation?.check, 'needs-correction', 'the verdict stays');
    assert.equal(checked?.activities === ERASED_TEXT, false, "the supporter's words are the supporter's");
  });

  it('anonymises the person, redacts text about them and keeps the figures', async () => {
    const summary = await erasePersonData(world.ctx, 'sam.sle@kingfisher.example', 'cli:test');
    assert.deepEqual(summary.alliances, [ALLIANCE]);
    assert.equal(summary.conversationLinksRemoved, 1);
    assert.equal(summary.storageCleared, true);
    assert.ok(summary.documentsRedacted >= 3, `${summary.documentsRedacted} documents redacted`);

    const person = await world.store.get<Person>(ALLIANCE, world.supporter.id);
    assert.equal(person?.name, ERASED_NAME);
    assert.ok(person?.erasedAt);
    assert.ok(!JSON.stringify(person).includes('sam.sle'));
    const [visit] = await world.store.query<VisitReport>(ALLIANCE, { type: 'visitReport' });
    assert.equal(visit.activities, ERASED_TEXT);
    assert.equal(visit.daysUsed, 3);
    const [evaluation] = await world.store.query<Evaluation>(ALLIANCE, { type: 'evaluation' });
    assert.equal(evaluation.overall, ERASED_TEXT);
    assert.equal(evaluation.effectiveness, 4);
    assert.equal((await world.store.get<Deployment>(ALLIANCE, world.deployment.id))?.effectivenessRating, 4);
    assert.equal((await world.store.query(ALLIANCE, { type: 'conversationLink' })).length, 0);
    assert.deepEqual((await audits()).map((a) => a.action), ['person-erase']);

    await assert.rejects(exportPersonData(world.ctx, 'sam.sle@kingfisher.example', 'cli:test'), NotFoundError);
  });

  it('refuses an email nobody has', async () => {
    await assert.rejects(erasePersonData(world.ctx, 'nobody@example.org', 'cli:test'), NotFoundError);
  });
});
