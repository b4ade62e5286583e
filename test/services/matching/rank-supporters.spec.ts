import { strict as assert } from 'node:assert';
import { rankSupporters } from '../../../services/matching/rank-supporters.js';
import { namesOf, rank, rankInput, REQUESTING_URN, school, SCHOOLS, supporter, workload } from './matching-fixtures.js';

describe('rankSupporters', () => {
  describe('specialism fit', () => {
    it('ranks an exact fit above a related one and leaves out supporters with neither', () => {
      const page = rank(
        [supporter('Ray Related', { specialisms: ['english'] }), supporter('Zed Exact', { specialisms: ['phonics'] }), supporter('Max Maths')],
        { need: { specialisms: ['phonics'], phase: 'primary' } },
      );
      assert.deepEqual(namesOf(page), ['Zed Exact', 'Ray Related']);
    });

    it('ranks a supporter who covers every asked specialism above one who covers some', () => {
      const page = rank([supporter('Hal Half'), supporter('Zoe Both', { specialisms: ['maths', 'science'] })], {
        need: { specialisms: ['maths', 'science'], phase: 'primary' },
      });
      assert.deepEqual(namesOf(page), ['Zoe Both', 'Hal Half']);
    });

    it('ranks everyone when no specialism was asked', () => {
      const page = rank([supporter('Art Ann', { specialisms: ['art'] }), supporter('Max Maths')], { need: { specialisms: [], phase: null } });
      assert.equal(page.total, 2);
    });
  });

  describe('phase fit', () => {
    const people = () => [supporter('Sam Secondary', { phases: ['secondary'] }), supporter('Zara Primary')];

    it('ranks a supporter without the phase lower but keeps them when brokering', () => {
      assert.deepEqual(namesOf(rank(people())), ['Zara Primary', 'Sam Secondary']);
    });

    it('leaves them out when the search requires the phase', () => {
      assert.deepEqual(namesOf(rank(people(), { requirePhase: true })), ['Zara Primary']);
    });

    it('counts an all-through expert as fitting a primary need', () => {
      assert.deepEqual(namesOf(rank([supporter('Through Tia', { phases: ['all-through'] })], { requirePhase: true })), ['Through Tia']);
    });
  });

  describe('capacity', () => {
    it('leaves out supporters with no free days this year', () => {
      const page = rank([supporter('Full Flo'), supporter('None Ned', { daysPerYear: 0 }), supporter('Free Fay')], {
        workloads: { 'Full Flo': workload({ daysCommitted: 15 }) },
      });
      assert.deepEqual(namesOf(page), ['Free Fay']);
    });

    it('ranks a supporter with fewer free days than wanted lower', () => {
      const page = rank([supporter('Sue Short'), supporter('Tia Roomy')], { workloads: { 'Sue Short': workload({ daysCommitted: 13 }) } });
      assert.deepEqual(namesOf(page), ['Tia Roomy', 'Sue Short']);
    });
  });

  describe('conflict of interest', () => {
    it('leaves out supporters based at the requesting school', () => {
      assert.deepEqual(namesOf(rank([supporter('Home Hana', { baseSchoolUrn: REQUESTING_URN }), supporter('Away Al')])), ['Away Al']);
    });

    it('leaves out supporters from a school in the same trust, whatever the case of its name', () => {
      const schools = [...SCHOOLS, school('300001', { trust: 'AIRE TRUST' }), school('300002', { trust: 'Calder Trust' })];
      const page = rank([supporter('Trust Tom', { baseSchoolUrn: '300001' }), supporter('Other Ola', { baseSchoolUrn: '300002' })], { schools });
      assert.deepEqual(namesOf(page), ['Other Ola']);
    });
  });

  it('ranks supporters with recent deployments lower (fair share of work)', () => {
    const page = rank([supporter('Busy Bea'), supporter('Idle Ida')], { workloads: { 'Busy Bea': workload({ recentDeployments: 2 }) } });
    assert.deepEqual(namesOf(page), ['Idle Ida', 'Busy Bea']);
  });

  it('shrinks ratings toward the prior, so ten 3.8s beat one 4 and one 4 beats no rating', () => {
    const page = rank([supporter('New Nia'), supporter('Once Oli'), supporter('Steady Stu')], {
      workloads: {
        'Once Oli': workload({ ratingAverage: 4, ratingCount: 1 }),
        'Steady Stu': workload({ ratingAverage: 3.8, ratingCount: 10 }),
      },
    });
    assert.deepEqual(namesOf(page), ['Steady Stu', 'Once Oli', 'New Nia']);
  });

  it('ranks the same local authority first, then the same postcode area, then the rest', () => {
    const schools = [
      ...SCHOOLS,
      school('400001', { localAuthority: 'leeds', postcode: 'WF1 1AA' }),
      school('400002', { localAuthority: 'Wakefield', postcode: 'LS27 1AA' }),
    ];
    const page = rank(
      [supporter('Abe Far'), supporter('Yan Area', { baseSchoolUrn: '400002' }), supporter('Zak Local', { baseSchoolUrn: '400001' })],
      { schools },
    );
    assert.deepEqual(namesOf(page), ['Zak Local', 'Yan Area', 'Abe Far']);
  });

  it('takes every leading letter as the postcode area, so BS is not in B', () => {
    const schools = [
      school(REQUESTING_URN, { postcode: 'B15 2TT' }),
      school('500001', { postcode: 'BS1 4DJ' }),
      school('500002', { postcode: 'B1 1BB' }),
    ];
    const page = rank([supporter('Bristol Bee', { baseSchoolUrn: '500001' }), supporter('Brum Bex', { baseSchoolUrn: '500002' })], { schools });
    assert.deepEqual(namesOf(page), ['Brum Bex', 'Bristol Bee']);
  });

  it('skips erased people and those excluded from this request', () => {
    const page = rank([supporter('Gone Gil', { erasedAt: '2025-10-01T00:00:00.000Z' }), supporter('Passed Pip'), supporter('Kept Kim')], {
      excludeIds: ['person-passed-pip'],
    });
    assert.deepEqual(namesOf(page), ['Kept Kim']);
  });

  it('breaks ties by name then id, whatever order supporters arrive in', () => {
    const people = [supporter('Bo'), supporter('Al', { id: 'person-2' }), supporter('Al', { id: 'person-1' }), supporter('Cy')];
    const ids = (list = people) => rankSupporters(rankInput(list)).map((candidate) => candidate.personId);
    assert.deepEqual(ids(), ['person-1', 'person-2', 'person-bo', 'person-cy']);
    assert.deepEqual(ids([...people].reverse()), ids());
  });

  it('pages with offset and limit and reports the total', () => {
    const people = ['Ada', 'Ben', 'Cal', 'Dee', 'Eli', 'Fox', 'Gus'].map((name) => supporter(name));
    const pages = [0, 3, 6].map((offset) => rank(people, { offset, limit: 3 }));
    assert.deepEqual(pages.map(namesOf), [['Ada', 'Ben', 'Cal'], ['Dee', 'Eli', 'Fox'], ['Gus']]);
    assert.ok(pages.every((page) => page.total === 7));
    assert.deepEqual(rank(people, { offset: 10 }).candidates, []);
  });

  it('scores between 0 and 1, best first, rounded to 3 places, with the base school named', () => {
    const page = rank([supporter('Mid Mo', { phases: ['secondary'] }), supporter('Top Ty')], {
      workloads: { 'Top Ty': workload({ ratingAverage: 4, ratingCount: 40 }) },
    });
    const [top, next] = page.candidates;
    assert.ok(top.score <= 1 && next.score >= 0 && top.score > next.score);
    assert.equal(top.score, Math.round(top.score * 1000) / 1000);
    assert.equal(top.schoolName, 'Bradford Juniors');
  });
});

