import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDeployment } from '../../services/deployments/evaluate-deployment.js';
import { submitVisitReport } from '../../services/deployments/submit-visit-report.js';
import type { AuditDocument } from '../../services/domain/audit.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { saveConversationLink } from '../../services/identity/conversation-references.js';
import { indexPersonIdentities, readChannelIdentity } from '../../services/identity/identity-index.js';
import { agreePlan, ALLIANCE, openWorld, PLAN, report, type World } from '../services/deployments/deployment-fixtures.js';
import { s2sIn } from '../cli/commands/run-cli.js';

// The black-box finding: after `s2s person erase`, decline reasons, names in candidate snapshots,
// plan text, conversation references and request text survived, in documents and in the SQLite
// file's freed pages and WAL. Here a person is written into every kind of record through the
// services (and, where only the channel edge writes, as it writes), erased with the real CLI, and
// then the raw bytes of the database file and its WAL are searched for any trace.

const DECLINE_REASON = 'Cannot travel to Riverside on Tuesdays this term';
const REQUEST_NEED = 'Year 6 reasoning collapsed after our maths lead left in July';
const SAM = { aad: 'aad-sam-7f3e', slack: 'U0SAMSLE9', member: '29:sam-member-8c1d' };

describe('security: erasure reaches every copy, down to the bytes on disk', function () {
  this.timeout(60_000);
  let world: World;

  beforeEach(async () => {
    world = await openWorld('accepted', '2026-12-01T09:00:00Z');
    const { store, supporter, head, manager } = world;
    const at = world.clock.now().toISOString();
    const linked = await store.replace<Person>({ ...supporter, teamsAadObjectId: SAM.aad, slackUserId: SAM.slack }, supporter._etag);
    await indexPersonIdentities(store, linked, supporter, at);
    world.supporter = linked;

    // The head's words, Sam's name in the candidate list, and the manager's decision.
    const request = (await store.get<SupportRequest>(ALLIANCE, world.request.id))!;
    await store.replace<SupportRequest>({
      ...request, need: REQUEST_NEED,
      candidates: [{ personId: supporter.id, name: 'Sam Sle', score: 0.9, reason: 'maths, primary; 15 of 15 days free' }],
      decision: { by: manager.id, byName: 'Mo Manager', at, outcome: 'approved', candidateId: supporter.id },
      history: [...request.history, { at, by: manager.id, action: 'note', note: 'Approved Sam Sle for the maths work' }],
    }, request._etag);
    // An earlier proposal Sam declined, with a reason in Sam's words.
    await store.create<Deployment>({ ...world.deployment, id: 'deployment-declined', status: 'declined', declineReason: DECLINE_REASON, history: [] });

    await agreePlan(world);
    world.clock.set('2026-12-22T09:00:00Z');
    await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21', { daysUsed: 3 }));
    await evaluateDeployment(world.ctx, head, world.deployment.id, {
      objectives: [{ rating: 4, evidence: 'Books show the reasoning prompts Sam Sle modelled' }, { rating: 3, evidence: 'Lead is confident' }],
      effectiveness: 4, overall: 'Sam was excellent with the whole team',
    });
    // Saved conversation references as the Teams and Slack edges write them.
    await saveConversationLink(world.ctx, {
      allianceId: ALLIANCE, personId: supporter.id, channel: 'teams',
      address: { conversation: { id: 'a:sam-personal' }, user: { id: SAM.member, name: 'Sam Sle', aadObjectId: SAM.aad }, serviceUrl: 'https://smba.example/' },
    });
    await saveConversationLink(world.ctx, { allianceId: ALLIANCE, personId: supporter.id, channel: 'slack', address: { userId: SAM.slack } });
    // An audit record whose `by` is the person (a CLI run under their account) and one that names them.
    await store.create<AuditDocument>({ id: 'audit-by-sam', allianceId: ALLIANCE, type: 'audit', at, by: 'cli:sam.sle@kingfisher.example', action: 'directory-import' });
    await store.create<AuditDocument>({ id: 'audit-names-sam', allianceId: ALLIANCE, type: 'audit', at, by: 'cli:admin', action: 'note', note: `Day rate agreed with Sam Sle (${SAM.slack})` });
  });
  afterEach(async () => { await world.close(); });

  /** Every byte SQLite keeps for this store: the file and, if present, its write-ahead log. */
  function rawBytes(): string {
    const file = join(world.dir, 'store.db');
    return [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('\n');
  }

  function tracesIn(bytes: string, traces: string[]): string[] {
    const lower = bytes.toLowerCase();
    return traces.filter((trace) => lower.includes(trace.toLowerCase()));
  }

  const SUPPORTER_TRACES = [
    'Sam Sle', 'sam.sle@kingfisher.example', SAM.aad, SAM.slack, SAM.member, DECLINE_REASON,
    PLAN.objectives[0].objective, PLAN.objectives[1].successCriteria, 'Book scrutiny, two lesson visits', 'Reasoning prompts in every lesson seen',
    'Sam was excellent with the whole team', 'Books show the reasoning prompts',
  ];

  it('leaves no trace of an erased supporter in the SQLite file or its WAL', async () => {
    // The scan itself works: before erasure every trace is on disk.
    assert.deepEqual(tracesIn(rawBytes(), SUPPORTER_TRACES), SUPPORTER_TRACES);
    const exported = s2sIn(world.dir, 'person', 'export', 'sam.sle@kingfisher.example');
    assert.equal(exported.status, 0, exported.stderr);
    const listed = (JSON.parse(exported.stdout) as { alliances: Array<{ mentionedIn: Array<{ type: string; id: string }> }> }).alliances[0].mentionedIn;
    for (const id of ['request-abc123', 'audit-by-sam', 'audit-names-sam']) assert.ok(listed.some((m) => m.id === id), `export lists ${id}`);

    const erased = s2sIn(world.dir, 'person', 'erase', 'sam.sle@kingfisher.example');
    assert.equal(erased.status, 0, erased.stderr);
    assert.match(erased.stderr + erased.stdout, /Erased sam\.sle@kingfisher\.example in test-hub: \d+ documents redacted/);

    assert.deepEqual(tracesIn(rawBytes(), SUPPORTER_TRACES), []);
    assert.equal(await readChannelIdentity(world.store, 'teams', SAM.aad), undefined);
    assert.equal(await readChannelIdentity(world.store, 'slack', SAM.slack), undefined);
    // The figures stay: days, ratings and the deployment itself.
    const deployment = await world.store.get<Deployment>(ALLIANCE, world.deployment.id);
    assert.equal(deployment?.effectivenessRating, 4);
    assert.equal(deployment?.daysCommitted, 3);
    // Nothing links the email to the record any more.
    assert.notEqual(s2sIn(world.dir, 'person', 'export', 'sam.sle@kingfisher.example').status, 0);
  });

  it('leaves no trace of an erased head, including the request text they wrote', async () => {
    const traces = ['Hana Head', 'hana.head@riverside.example', REQUEST_NEED, 'Sam was excellent with the whole team'];
    assert.deepEqual(tracesIn(rawBytes(), traces), traces);
    const erased = s2sIn(world.dir, 'person', 'erase', 'hana.head@riverside.example');
    assert.equal(erased.status, 0, erased.stderr);
    assert.deepEqual(tracesIn(rawBytes(), traces), []);
    // The supporter was not erased: their name stays where it belongs.
    assert.equal((await world.store.get<Person>(ALLIANCE, world.supporter.id))?.name, 'Sam Sle');
  });
});
