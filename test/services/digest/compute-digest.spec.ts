import { strict as assert } from 'node:assert';
import { fixedClock } from '../../../services/clock.js';
import { computeDigest } from '../../../services/digest/compute-digest.js';
import { formatDigestText } from '../../../services/digest/format-digest-text.js';
import { NotFoundError, ValidationError } from '../../../services/errors.js';
import type { DocumentStore } from '../../../services/store/document-store.js';
import { SHARED_STORE_KINDS, type SharedStore } from '../../helpers/shared-store.js';
import { alliance, deployment, iso, person, plan, request, school, seed, visitReport } from './digest-fixtures.js';

const HUB = 'riverside-hub';
const NOW = '2026-11-30T08:00:00Z'; // Monday 08:00 in London (GMT): the digest of 2026-W48 goes out

for (const kind of SHARED_STORE_KINDS) {
  describe(`computeDigest on a ${kind.name}`, () => {
    let shared: SharedStore;
    let store: DocumentStore;
    const ctx = () => ({ store, clock: fixedClock(NOW) });

    before(async () => {
      shared = await kind.open();
      store = await shared.connect();
      const m = (at: string) => [at, 'matching'] as [string, string];
      await seed(store, [
        alliance(HUB, 'Riverside Hub'),
        alliance('quiet-hub', 'Quiet Hub'),
        person(HUB, 'person-s1', 'Priya Shah'),
        person(HUB, 'person-s2', 'Sam Okafor'),
        ...[[1, 'Riverside Primary'], [2, 'Brook Primary'], [3, 'Hill Top School'], [4, 'Kingfisher Academy'], [5, 'Oakfield Juniors'], [8, 'Meadow Infants'], [14, 'Willow Academy']]
          .map(([n, name]) => school(HUB, n as number, name as string)),
        // Matched in the week, though submitted before it.
        request(HUB, 1, 'maths', [['2026-11-10T09:00Z', 'submitted'], m('2026-11-10T09:00Z'), ['2026-11-25T10:00Z', 'proposed', 'dep-1']]),
        deployment(HUB, 'dep-1', 1, [['2026-11-25T10:00Z', 'proposed']], { days: 3, rate: 250 }),
        // New this week and waiting.
        request(HUB, 2, 'maths', [['2026-11-24T09:00Z', 'submitted'], m('2026-11-24T09:00Z')]),
        request(HUB, 3, 'phonics', [['2026-11-28T12:00Z', 'submitted'], m('2026-11-28T12:00Z')]),
        // New and matched this week.
        request(HUB, 4, 'english', [['2026-11-26T09:00Z', 'submitted'], m('2026-11-26T09:00Z'), ['2026-11-27T14:00Z', 'proposed', 'dep-4']]),
        deployment(HUB, 'dep-4', 4, [['2026-11-27T14:00Z', 'proposed']], { days: 2, rate: 250, supporter: 'person-s2' }),
        // Waiting for weeks; on hold; submitted after the week ended.
        request(HUB, 5, 'science', [['2026-10-01T09:00Z', 'submitted'], m('2026-10-01T09:00Z')]),
        request(HUB, 6, 'history', [['2026-11-02T09:00Z', 'submitted'], m('2026-11-02T09:00Z'), ['2026-11-03T09:00Z', 'on-hold']]),
        request(HUB, 7, 'art', [['2026-11-30T07:00Z', 'submitted'], m('2026-11-30T07:00Z')]),
        // Waiting when the week ended, matched since: counted as waiting, not as this week's match.
        request(HUB, 8, 'music', [['2026-11-20T09:00Z', 'submitted'], m('2026-11-20T09:00Z'), ['2026-11-30T07:30Z', 'proposed', 'dep-8']]),
        deployment(HUB, 'dep-8', 8, [['2026-11-30T07:30Z', 'proposed']], { days: 2, rate: 250 }),
        // New and declined at once; submitted a minute before the week and withdrawn in it.
        request(HUB, 9, 'science', [['2026-11-23T08:00Z', 'submitted'], m('2026-11-23T08:00Z'), ['2026-11-23T09:00Z', 'declined']]),
        request(HUB, 10, 'pe', [['2026-11-22T23:59Z', 'submitted'], m('2026-11-22T23:59Z'), ['2026-11-23T10:00Z', 'withdrawn']]),
        // The term's deployments and the week's evaluations.
        request(HUB, 11, 'maths', [['2026-09-10T09:00Z', 'submitted'], ['2026-11-26T10:00Z', 'evaluated']]),
        deployment(HUB, 'dep-e1', 11, [['2026-09-15T09:00Z', 'proposed'], ['2026-11-20T09:00Z', 'completed'], ['2026-11-26T10:00Z', 'evaluated']], { days: 4, rate: 250 },
          { effectivenessRating: 4, plan: plan(['2026-12-02'], 4, 250) }),
        request(HUB, 12, 'maths', [['2026-09-20T09:00Z', 'submitted'], ['2026-11-27T10:00Z', 'evaluated']]),
        deployment(HUB, 'dep-e2', 12, [['2026-10-01T09:00Z', 'proposed'], ['2026-11-27T10:00Z', 'evaluated']], { days: 2, rate: 550 }, { effectivenessRating: 3, designation: 'NLE' }),
        request(HUB, 13, 'phonics', [['2026-09-12T09:00Z', 'submitted'], ['2026-11-10T10:00Z', 'evaluated']]),
        deployment(HUB, 'dep-e3', 13, [['2026-09-20T09:00Z', 'proposed'], ['2026-11-10T10:00Z', 'evaluated']], { days: 3, rate: 250 }, { effectivenessRating: 1 }),
        request(HUB, 14, 'english', [['2026-11-01T09:00Z', 'submitted'], ['2026-11-12T09:00Z', 'planned']]),
        deployment(HUB, 'dep-p1', 14, [['2026-11-05T09:00Z', 'proposed'], ['2026-11-12T09:00Z', 'planned']], { days: 1.5, rate: 250 },
          { plan: plan(['2026-12-01', '2026-12-09', '2026-12-20'], 1.5, 250) }),
        request(HUB, 15, 'maths', [['2026-07-01T09:00Z', 'submitted'], ['2026-07-20T09:00Z', 'completed']]),
        deployment(HUB, 'dep-summer', 15, [['2026-07-10T09:00Z', 'proposed'], ['2026-07-20T09:00Z', 'completed']], { days: 5, rate: 250 }),
        request(HUB, 16, 'maths', [['2026-10-01T09:00Z', 'submitted'], ['2026-10-12T09:00Z', 'cancelled']]),
        deployment(HUB, 'dep-cancelled', 16, [['2026-10-10T09:00Z', 'proposed'], ['2026-10-12T09:00Z', 'cancelled']], { days: 5, rate: 250 }),
        // Imported: the request was last touched before the term its deployment belongs to.
        request(HUB, 17, 'science', [['2026-08-01T09:00Z', 'submitted'], ['2026-08-20T09:00Z', 'accepted']]),
        deployment(HUB, 'dep-imported', 17, [['2026-09-02T09:00Z', 'proposed'], ['2026-09-03T09:00Z', 'completed']], { days: 1, rate: 200 }),
        // Days delivered: dep-e1 planned 4 days but was completed early after 1; dep-p1 has visits to come.
        visitReport(HUB, 'dep-e1', '2026-11-18', 1),
        visitReport(HUB, 'dep-e2', '2026-10-20', 1), visitReport(HUB, 'dep-e2', '2026-11-03', 1),
        visitReport(HUB, 'dep-e3', '2026-10-05', 1.5), visitReport(HUB, 'dep-e3', '2026-10-19', 1.5),
        visitReport(HUB, 'dep-imported', '2026-09-03', 1),
        // Before the term: counted nowhere in it.
        visitReport(HUB, 'dep-summer', '2026-07-15', 5),
      ]);
    });
    after(() => shared.close());

    it("computes the week's figures from requests and deployments", async () => {
      const digest = await computeDigest(ctx(), HUB, '2026-W48');
      const count = (label: string, specialism: string) => ({ specialism, label, count: 1 });
      assert.deepEqual(digest, {
        allianceId: HUB, allianceName: 'Riverside Hub', week: '2026-W48', firstDay: '2026-11-23', lastDay: '2026-11-29',
        timeZone: 'Europe/London', asOf: '2026-11-30T00:00:00.000Z', quiet: false,
        newRequests: { count: 4, bySpecialism: [count('English', 'english'), count('Maths', 'maths'), count('Phonics', 'phonics'), count('Science', 'science')] },
        diagnostics: { requested: 0, reported: 0, days: 0 },
        directContacts: 0,
        matchesMade: {
          count: 2,
          latest: [
            { reference: 'S2S-2026-0004', school: 'Kingfisher Academy', supporter: 'Sam Okafor', at: iso('2026-11-27T14:00Z') },
            { reference: 'S2S-2026-0001', school: 'Riverside Primary', supporter: 'Priya Shah', at: iso('2026-11-25T10:00Z') },
          ],
        },
        waitingForMatch: {
          count: 4,
          averageDays: 18.5,
          longest: [
            { reference: 'S2S-2026-0005', school: 'Oakfield Juniors', days: 59 },
            { reference: 'S2S-2026-0008', school: 'Meadow Infants', days: 9 },
            { reference: 'S2S-2026-0002', school: 'Brook Primary', days: 5 },
            { reference: 'S2S-2026-0003', school: 'Hill Top School', days: 1 },
          ],
          onHold: 1,
        },
        evaluations: { count: 2, averageRating: 3.5 },
        visits: {
          thisWeek: 1,
          nextWeek: 1,
          shown: [
            { date: '2026-12-01', reference: 'S2S-2026-0014', school: 'Willow Academy', supporter: 'Priya Shah' },
            { date: '2026-12-09', reference: 'S2S-2026-0014', school: 'Willow Academy', supporter: 'Priya Shah' },
          ],
        },
        // These records were written straight to the store, without the due dates audited writes keep.
        slipping: { count: 0, byStage: [], oldest: [] },
        term: {
          // Committed: planned days while under way (dep-p1's 1.5), delivered days once ended (dep-e1's 1 of 4, £250 not £1,000).
          name: 'Autumn term 2026', firstDay: '2026-09-01', lastDay: '2026-12-31', deployments: 5,
          committed: { days: 8.5, cost: 2675 }, delivered: { days: 7, cost: 2300 },
          bySpecialism: [
            { specialism: 'maths', label: 'Maths', deployments: 2, committed: { days: 3, cost: 1350 }, delivered: { days: 3, cost: 1350 } },
            { specialism: 'phonics', label: 'Phonics', deployments: 1, committed: { days: 3, cost: 750 }, delivered: { days: 3, cost: 750 } },
            { specialism: 'english', label: 'English', deployments: 1, committed: { days: 1.5, cost: 375 }, delivered: { days: 0, cost: 0 } },
            { specialism: 'science', label: 'Science', deployments: 1, committed: { days: 1, cost: 200 }, delivered: { days: 1, cost: 200 } },
          ],
        },
      });
    });

    it('measures a week still running up to now', async () => {
      const digest = await computeDigest(ctx(), HUB, '2026-W49');
      assert.equal(digest.asOf, iso(NOW));
      assert.deepEqual(digest.newRequests, { count: 1, bySpecialism: [{ specialism: 'art', label: 'Art', count: 1 }] });
      assert.deepEqual(digest.matchesMade.latest.map((m) => m.reference), ['S2S-2026-0008']);
      assert.deepEqual(digest.waitingForMatch.longest.map((w) => [w.reference, w.days]), [['S2S-2026-0005', 59], ['S2S-2026-0002', 5], ['S2S-2026-0003', 1], ['S2S-2026-0007', 0]]);
    });

    it('says a week with nothing in it is quiet, in one line', async () => {
      const digest = await computeDigest(ctx(), 'quiet-hub', '2026-W48');
      assert.equal(digest.quiet, true);
      assert.equal(formatDigestText(digest), 'Weekly digest for Quiet Hub, week 2026-W48 (23–29 Nov 2026): a quiet week, with no new requests, matches or evaluations, nothing waiting for a match and no visits planned.');
    });

    it('refuses a week that has not begun, a malformed week and an unknown alliance', async () => {
      await assert.rejects(computeDigest(ctx(), HUB, '2026-W50'), ValidationError);
      await assert.rejects(computeDigest(ctx(), HUB, '2026-48'), ValidationError);
      await assert.rejects(computeDigest(ctx(), 'nowhere-hub', '2026-W48'), NotFoundError);
    });
  });
}
