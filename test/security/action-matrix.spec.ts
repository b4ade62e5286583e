import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { newAlliance } from '../../services/domain/alliance.js';
import type { Deployment } from '../../services/domain/deployment.js';
import { fixturePersonId, personIdOf } from '../helpers/person-ids.js';
import type { Person } from '../../services/domain/person.js';
import type { OutboxMessage } from '../../services/notifications/outbox-message.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../services/directory/seed-demo.js';
import { deploymentIdFor } from '../../services/requests/decide-request.js';
import { executeActions } from '../helpers/card-actions.js';
import { cardOf, textOf } from '../helpers/fake-bot-connector.js';
import { snapshotDiff, snapshotStore } from '../helpers/store-snapshot.js';
import { BROKERAGE_CHANNEL, personalChat, TeamsHarness, type Place, type TeamsUser } from '../helpers/teams-harness.js';
import { indexPersonIdentities } from '../../services/identity/identity-index.js';

// Who may do what, over real HTTP: every action the bot has today, pressed by every kind of person.
// A refused action must leave every document in the store exactly as it was (same etag, same body).

const OTHER_ALLIANCE_ID = 'other-hub';

const ROLES = {
  'head of the requesting school': { id: '29:head', aadObjectId: DEMO_IDENTITIES.head.teamsAadObjectId, name: 'Mark Davies' },
  'head of another school': { id: '29:julie', aadObjectId: 'aad-julie-hartley', name: 'Julie Hartley', email: 'julie.hartley@longmynd-primary.example' },
  'the proposed supporter': { id: '29:priya', aadObjectId: DEMO_IDENTITIES.supporter.teamsAadObjectId, name: 'Priya Shah' },
  'another supporter': { id: '29:james', aadObjectId: 'aad-james-oconnor', name: "James O'Connor", email: 'james.oconnor@riverside-primary.example' },
  'the manager': { id: '29:helen', aadObjectId: DEMO_IDENTITIES.manager.teamsAadObjectId, name: 'Helen Carter' },
  'a manager of another alliance': { id: '29:bella', aadObjectId: 'aad-bella-other-hub', name: 'Bella Okoro' },
  'an unknown user': { id: '29:nobody', aadObjectId: 'aad-nobody', name: 'Nobody Known', email: 'nobody@elsewhere.example' },
} satisfies Record<string, TeamsUser>;

type Role = keyof typeof ROLES;
const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Priya's id: ids are random, so it is read from the seeded store in before(). */
let PRIYA_ID = '';
const JULIE_SCHOOL = '990017';

const validAnswers = {
  specialisms: 'maths',
  phase: 'primary',
  need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
  outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
  daysWanted: '3',
  preferredStart: '2026-12-01',
};

interface Fixture {
  requestId: string;
  deploymentId: string;
  submissionId: string;
}

interface ActionCase {
  name: string;
  allowed: Role[];
  /** Where the button is pressed: the manager card lives in the brokerage channel. */
  place: 'personal' | 'brokerage';
  /** 'submitted': a fresh request in matching; 'proposed': approved to Priya; 'none': only a fresh submission id. */
  state: 'none' | 'submitted' | 'proposed';
  press(fixture: Fixture): { verb: string; data: Record<string, unknown> };
  /** Did the action take effect for this person? */
  tookEffect(fixture: Fixture, role: Role, seen: Seen): Promise<boolean>;
}

interface Seen {
  /** Every card and text the bot sent back for the press: invoke answer, replies and updates. */
  cards: unknown[];
  text: string;
}

describe('security: who may do what (every action × every role, over /api/messages)', function () {
  this.timeout(120_000);
  const harness = new TeamsHarness();
  const store = () => harness.app.store;
  const request = (id: string) => store().get<SupportRequest>(DEMO_ALLIANCE_ID, id);
  const deployment = (id: string) => store().get<Deployment>(DEMO_ALLIANCE_ID, id);
  const placeFor = (role: Role, where: ActionCase['place']): Place => (where === 'brokerage' ? BROKERAGE_CHANNEL : personalChat(ROLES[role]));

  before(async () => {
    await harness.start();
    PRIYA_ID = await personIdOf(store(), DEMO_IDENTITIES.supporter.email);
    for (const user of Object.values(ROLES)) harness.addMember(user);
    const at = harness.clock.now();
    await store().create({ ...newAlliance({ id: OTHER_ALLIANCE_ID, name: 'Northgate Schools Alliance', now: at }) });
    await indexPersonIdentities(store(), await store().create<Person>({
      id: fixturePersonId('bella.okoro@northgate.example'), allianceId: OTHER_ALLIANCE_ID, type: 'person', email: 'bella.okoro@northgate.example',
      name: 'Bella Okoro', role: 'manager', specialisms: [], phases: [], daysPerYear: 0,
      teamsAadObjectId: ROLES['a manager of another alliance'].aadObjectId, updatedAt: at.toISOString(),
    }));
    // Each person speaks once first, so linking their Teams id and remembering their chat are done
    // before any snapshot: those writes are identity bookkeeping, not the actions under test.
    for (const role of ROLE_NAMES) {
      assert.equal((await harness.say(ROLES[role], 'help')).status, 200);
    }
  });
  after(() => harness.stop());

  async function submitAsHead(): Promise<Fixture> {
    // "My requests" lists the newest first: each request gets its own moment.
    harness.clock.advance(1000);
    const submissionId = randomBytes(9).toString('base64url');
    const response = await harness.press(ROLES['head of the requesting school'], 'support-request.submit',
      { formId: 'support-request', submissionId, ...validAnswers }, 'form-card');
    assert.equal(response.status, 200);
    const requestId = `request-${submissionId}`;
    assert.equal((await request(requestId))?.status, 'matching', 'fixture: a request in matching');
    return { requestId, submissionId, deploymentId: deploymentIdFor(requestId, PRIYA_ID) };
  }

  async function prepare(state: ActionCase['state']): Promise<Fixture> {
    if (state === 'none') return { requestId: '', deploymentId: '', submissionId: randomBytes(9).toString('base64url') };
    const fixture = await submitAsHead();
    if (state === 'proposed') {
      await harness.press(ROLES['the manager'], 'request.approve', { requestId: fixture.requestId, candidateId: PRIYA_ID }, 'manager-card', BROKERAGE_CHANNEL);
      assert.equal((await request(fixture.requestId))?.status, 'proposed', 'fixture: proposed to Priya');
      assert.equal((await deployment(fixture.deploymentId))?.status, 'proposed');
    }
    return fixture;
  }

  async function pressAs(role: Role, action: ActionCase, fixture: Fixture): Promise<{ status: number; seen: Seen }> {
    harness.connector.clear();
    const { verb, data } = action.press(fixture);
    const response = await harness.post(harness.activity(ROLES[role], placeFor(role, action.place), {
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'pressed-card', value: { action: { type: 'Action.Execute', verb, data } },
    }));
    const invokeCard = (response.body as { value?: unknown } | undefined)?.value;
    const cards = [invokeCard, ...harness.connector.calls.map(cardOf)].filter((c) => c && typeof c === 'object');
    const text = [JSON.stringify(invokeCard ?? ''), ...harness.connector.calls.map(textOf)].join(' ');
    return { status: response.status, seen: { cards, text } };
  }

  const offersForm = (seen: Seen, formId: string) => seen.cards.some((card) => executeActions(card).some((a) => a.data.formId === formId));

  const ACTIONS_UNDER_TEST: ActionCase[] = [
    {
      name: 'open the support-request form',
      allowed: ['head of the requesting school', 'head of another school'],
      place: 'personal',
      state: 'none',
      press: () => ({ verb: 'menu.request-support', data: {} }),
      tookEffect: async (_f, _role, seen) => offersForm(seen, 'support-request'),
    },
    {
      name: 'submit a support request',
      allowed: ['head of the requesting school', 'head of another school'],
      place: 'personal',
      state: 'none',
      press: (f) => ({ verb: 'support-request.submit', data: { formId: 'support-request', submissionId: f.submissionId, ...validAnswers } }),
      async tookEffect(f) {
        const stored = await store().queryAllAlliances<SupportRequest>({ type: 'supportRequest', where: [{ field: 'id', op: 'eq', value: `request-${f.submissionId}` }] });
        return stored.length > 0;
      },
    },
    {
      name: 'approve a candidate',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'submitted',
      press: (f) => ({ verb: 'request.approve', data: { requestId: f.requestId, candidateId: PRIYA_ID } }),
      tookEffect: async (f) => (await request(f.requestId))?.status === 'proposed',
    },
    {
      name: 'press Decline (asks for the reason)',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'submitted',
      press: (f) => ({ verb: 'request.decline', data: { requestId: f.requestId } }),
      tookEffect: async (_f, _role, seen) => offersForm(seen, 'decline-request'),
    },
    {
      name: 'decline a request with a reason',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'submitted',
      press: (f) => ({ verb: 'decline-request.submit', data: { formId: 'decline-request', requestId: f.requestId, reason: 'No capacity in maths this term.' } }),
      tookEffect: async (f) => (await request(f.requestId))?.status === 'declined',
    },
    {
      // A fresh request: proposing one to Priya for every role would use up her free days for the cases after.
      name: 'withdraw a request with a reason',
      allowed: ['head of the requesting school'],
      place: 'personal',
      state: 'submitted',
      press: (f) => ({ verb: 'withdraw-request.submit', data: { formId: 'withdraw-request', requestId: f.requestId, reason: 'We found support in our trust.' } }),
      tookEffect: async (f) => (await request(f.requestId))?.status === 'withdrawn',
    },
    {
      name: 'close a request with a reason',
      allowed: ['the manager'],
      place: 'personal',
      state: 'submitted',
      press: (f) => ({ verb: 'close-request.submit', data: { formId: 'close-request', requestId: f.requestId, reason: 'The school no longer needs it.' } }),
      tookEffect: async (f) => (await request(f.requestId))?.status === 'closed',
    },
    {
      name: 'put a request on hold',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'submitted',
      press: (f) => ({ verb: 'request.hold', data: { requestId: f.requestId } }),
      tookEffect: async (f) => (await request(f.requestId))?.status === 'on-hold',
    },
    {
      name: 'show other candidates',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'submitted',
      press: (f) => ({ verb: 'request.other-candidates', data: { requestId: f.requestId } }),
      // Re-ranking writes the request (a new etag) and redraws the card: in the channel, the view for
      // everyone, with the managers' own view (their Approve buttons) drawn by Teams' refresh.
      tookEffect: async (f, _role, seen) => (await request(f.requestId))!.history.length >= 2
        && seen.cards.some((card) => executeActions(card).some((a) => a.verb === 'request.approve' || a.verb === 'request.refresh')),
    },
    {
      name: 'accept a proposal',
      allowed: ['the proposed supporter'],
      place: 'personal',
      state: 'proposed',
      press: (f) => ({ verb: 'proposal.accept', data: { deploymentId: f.deploymentId } }),
      tookEffect: async (f) => (await deployment(f.deploymentId))?.status === 'accepted' && (await request(f.requestId))?.status === 'accepted',
    },
    {
      name: 'press Decline on a proposal (asks for the reason)',
      allowed: ['the proposed supporter'],
      place: 'personal',
      state: 'proposed',
      press: (f) => ({ verb: 'proposal.decline', data: { deploymentId: f.deploymentId } }),
      tookEffect: async (_f, _role, seen) => offersForm(seen, 'decline-proposal'),
    },
    {
      name: 'decline a proposal with a reason',
      allowed: ['the proposed supporter'],
      place: 'personal',
      state: 'proposed',
      press: (f) => ({ verb: 'decline-proposal.submit', data: { formId: 'decline-proposal', deploymentId: f.deploymentId, reason: 'I am fully booked until Easter.' } }),
      tookEffect: async (f) => (await deployment(f.deploymentId))?.status === 'declined' && (await request(f.requestId))?.status === 'matching',
    },
    {
      name: 'remind again from an escalation card',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'proposed',
      press: (f) => ({ verb: 'sla.remind-again', data: { requestId: f.requestId } }),
      tookEffect: async (f) => (await store().query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox' }))
        .some((m) => m.event.kind === 'serviceLevelNudge' && m.event.recordId === f.deploymentId),
    },
    {
      name: 're-assign a proposal from an escalation card',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'proposed',
      press: (f) => ({ verb: 'proposal.reassign', data: { deploymentId: f.deploymentId } }),
      tookEffect: async (f) => (await deployment(f.deploymentId))?.status === 'cancelled',
    },
    {
      name: 'withdraw a proposal from an escalation card',
      allowed: ['the manager'],
      place: 'brokerage',
      state: 'proposed',
      press: (f) => ({ verb: 'proposal.withdraw', data: { deploymentId: f.deploymentId } }),
      tookEffect: async (f) => (await deployment(f.deploymentId))?.status === 'cancelled' && (await request(f.requestId))?.status === 'matching',
    },
  ];

  for (const action of ACTIONS_UNDER_TEST) {
    describe(action.name, () => {
      for (const role of ROLE_NAMES) {
        const allowed = action.allowed.includes(role);
        it(`${allowed ? 'allows' : 'refuses'} ${role}`, async () => {
          const fixture = await prepare(action.state);
          const before = snapshotStore(store());
          const { status, seen } = await pressAs(role, action, fixture);
          assert.equal(status, 200, 'answered, not crashed');
          const effect = await action.tookEffect(fixture, role, seen);
          if (allowed) {
            assert.ok(effect, `${role} should be able to ${action.name}; the bot said: ${seen.text.slice(0, 300)}`);
          } else {
            assert.ok(!effect, `${role} must not be able to ${action.name}`);
            assert.deepEqual(snapshotDiff(before, snapshotStore(store())), [], 'a refused action changes nothing in the store');
            assert.ok(!/Internal|stack|Error:/.test(seen.text), 'no internals leak in the refusal');
          }
        });
      }
    });
  }

  it('a head of another school submits for her own school, never the requesting school', async () => {
    const submissionId = randomBytes(9).toString('base64url');
    await harness.press(ROLES['head of another school'], 'support-request.submit',
      { formId: 'support-request', submissionId, ...validAnswers, schoolUrn: '990006', requesterId: await personIdOf(store(), DEMO_IDENTITIES.head.email), allianceId: OTHER_ALLIANCE_ID }, 'form-card');
    const stored = await request(`request-${submissionId}`);
    assert.equal(stored?.schoolUrn, JULIE_SCHOOL, 'extra fields in the submission cannot choose the school');
    assert.equal(stored?.requesterId, await personIdOf(store(), 'julie.hartley@longmynd-primary.example'));
    assert.equal(stored?.allianceId, DEMO_ALLIANCE_ID);
  });

  it("a manager of alliance B cannot approve, hold, decline or re-rank alliance A's request, even with its id", async () => {
    const fixture = await prepare('submitted');
    const bella = ROLES['a manager of another alliance'];
    const before = snapshotStore(store());
    const presses: Array<[string, Record<string, unknown>]> = [
      ['request.approve', { requestId: fixture.requestId, candidateId: PRIYA_ID, allianceId: DEMO_ALLIANCE_ID }],
      ['request.hold', { requestId: fixture.requestId, allianceId: DEMO_ALLIANCE_ID }],
      ['request.other-candidates', { requestId: fixture.requestId, allianceId: DEMO_ALLIANCE_ID }],
      ['decline-request.submit', { formId: 'decline-request', requestId: fixture.requestId, reason: 'Cross-alliance attempt.', allianceId: DEMO_ALLIANCE_ID }],
      // Choosing an alliance she does not belong to must not switch her into it.
      ['alliance.choose', { allianceId: DEMO_ALLIANCE_ID }],
      ['request.approve', { requestId: fixture.requestId, candidateId: PRIYA_ID }],
    ];
    for (const [verb, data] of presses) {
      const response = await harness.press(bella, verb, data, 'manager-card', BROKERAGE_CHANNEL);
      assert.equal(response.status, 200);
    }
    assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
    assert.equal((await request(fixture.requestId))?.status, 'matching');
  });

  it('the manager cannot approve someone who is not a supporter of the alliance', async () => {
    const fixture = await prepare('submitted');
    const before = snapshotStore(store());
    const notSupporters = [await personIdOf(store(), DEMO_IDENTITIES.head.email), fixturePersonId('bella.okoro@northgate.example'), 'person-does-not-exist', ''];
    for (const candidateId of notSupporters) {
      const response = await harness.press(ROLES['the manager'], 'request.approve', { requestId: fixture.requestId, candidateId }, 'manager-card', BROKERAGE_CHANNEL);
      assert.equal(response.status, 200);
    }
    assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
    assert.equal((await request(fixture.requestId))?.status, 'matching');
  });

  describe('my requests: everyone may ask, and sees only their own', () => {
    let reference = '';
    let fixture: Fixture;
    before(async () => {
      fixture = await prepare('proposed');
      reference = (await request(fixture.requestId))!.reference;
    });

    const SEES_IT: Record<Role, boolean> = {
      'head of the requesting school': true,
      'head of another school': false,
      'the proposed supporter': true,
      'another supporter': false,
      'the manager': true,
      'a manager of another alliance': false,
      'an unknown user': false,
    };

    for (const role of ROLE_NAMES) {
      it(`${SEES_IT[role] ? 'shows' : 'does not show'} the request to ${role}, and changes nothing`, async () => {
        const before = snapshotStore(store());
        const action: ActionCase = {
          name: 'my requests', allowed: [], place: 'personal', state: 'none',
          press: () => ({ verb: 'menu.my-requests', data: {} }), tookEffect: async () => false,
        };
        const { status, seen } = await pressAs(role, action, fixture);
        assert.equal(status, 200);
        assert.ok(seen.cards.length > 0, 'answers with a card');
        assert.equal(seen.text.includes(reference), SEES_IT[role], `${role} ${SEES_IT[role] ? 'sees' : 'must not see'} ${reference}`);
        assert.deepEqual(snapshotDiff(before, snapshotStore(store())), []);
      });
    }

    it('a head sees only requests from their own school, however many the alliance has', async () => {
      const julie = ROLES['head of another school'];
      harness.connector.clear();
      await harness.say(julie, 'my requests');
      const shown = harness.connector.posted(personalChat(julie).conversationId).map(textOf).join(' ');
      const all = await store().query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest' });
      const others = all.filter((r) => r.schoolUrn !== JULIE_SCHOOL);
      assert.ok(others.length > 0 && all.length > others.length, 'both her school and others have requests');
      for (const r of others) assert.ok(!shown.includes(r.reference), `${r.reference} (school ${r.schoolUrn}) must not be shown to her`);
      assert.ok(all.filter((r) => r.schoolUrn === JULIE_SCHOOL).some((r) => shown.includes(r.reference)), 'her own requests are shown');
    });
  });
});
