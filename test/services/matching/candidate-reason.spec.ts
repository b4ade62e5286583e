import { strict as assert } from 'node:assert';
import type { Person } from '../../../services/domain/person.js';
import { SPECIALISMS } from '../../../services/domain/specialisms.js';
import { MAX_REASON_LENGTH } from '../../../services/matching/candidate-reason.js';
import { rank, type RankOverrides, SCHOOLS, school, supporter, workload } from './matching-fixtures.js';

/** The reason given for a lone supporter (maths, primary, 15 days, based outside Leeds) against a maths, primary, 3-day need. */
function reasonFor(fields: Partial<Person> = {}, overrides: RankOverrides = {}): string {
  const [candidate] = rank([supporter('Kit', fields)], { workloads: { Kit: workload() }, ...overrides }).candidates;
  return candidate.reason;
}

const LOCAL_SCHOOLS = [...SCHOOLS, school('600001', { localAuthority: 'Leeds', postcode: 'BD9 9ZZ' }), school('600002', { postcode: 'LS2 9JT' })];

describe('candidate reasons', () => {
  it('reads as one line: fit, days free, rating and locality', () => {
    const reason = reasonFor({ baseSchoolUrn: '600001' }, {
      schools: LOCAL_SCHOOLS,
      workloads: { Kit: workload({ daysCommitted: 9, ratingAverage: 3.8, ratingCount: 5 }) },
    });
    assert.equal(reason, 'maths, primary; 6 of 15 days free; rated 3.8/4 on 5 deployments; same local authority');
  });

  it('names a related fit and what was asked for', () => {
    const reason = reasonFor({ specialisms: ['english'] }, { need: { specialisms: ['phonics'], phase: 'primary' } });
    assert.equal(reason, 'related: english (asked for phonics), primary; 15 of 15 days free; not yet rated');
  });

  it('says which asked specialism is missing', () => {
    const reason = reasonFor({}, { need: { specialisms: ['maths', 'closing-the-gap'], phase: 'primary' } });
    assert.equal(reason, 'maths, not closing-the-gap, primary; 15 of 15 days free; not yet rated');
  });

  it('lists what the supporter offers when no specialism was asked', () => {
    const reason = reasonFor({ specialisms: ['art', 'music'] }, { need: { specialisms: [], phase: null } });
    assert.equal(reason, 'art, music; 15 of 15 days free; not yet rated');
  });

  it('shows a phase that does not fit against the one asked for', () => {
    assert.equal(reasonFor({ phases: ['secondary', 'post-16'] }), 'maths, secondary/post-16 (asked for primary); 15 of 15 days free; not yet rated');
    assert.equal(reasonFor({ phases: [] }), 'maths, no phase given (asked for primary); 15 of 15 days free; not yet rated');
  });

  it('says when fewer days are free than wanted', () => {
    assert.equal(reasonFor({}, { workloads: { Kit: workload({ daysCommitted: 13 }) } }), 'maths, primary; 2 of 15 days free, 3 wanted; not yet rated');
  });

  it('counts recent deployments and ratings in words, singular and plural', () => {
    assert.equal(
      reasonFor({}, { workloads: { Kit: workload({ recentDeployments: 2, ratingAverage: 4, ratingCount: 1 }) } }),
      'maths, primary; 15 of 15 days free; rated 4/4 on 1 deployment; 2 deployments in the last 90 days',
    );
    assert.match(reasonFor({}, { workloads: { Kit: workload({ recentDeployments: 1 }) } }), /; 1 deployment in the last 90 days$/);
  });

  it('names the shared postcode area', () => {
    assert.match(reasonFor({ baseSchoolUrn: '600002' }, { schools: LOCAL_SCHOOLS }), /; same postcode area \(LS\)$/);
  });

  it(`never runs past ${MAX_REASON_LENGTH} characters`, () => {
    const reason = reasonFor({}, { need: { specialisms: [...SPECIALISMS], phase: 'primary' } });
    assert.equal(reason.length, MAX_REASON_LENGTH);
    assert.ok(reason.endsWith('…'));
  });
});
