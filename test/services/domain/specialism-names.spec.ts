import { strict as assert } from 'node:assert';
import { PHASES } from '../../../services/domain/phases.js';
import { normaliseName, phaseFromName, specialismFromName } from '../../../services/domain/specialism-names.js';
import { SPECIALISMS, SPECIALISM_LABELS } from '../../../services/domain/specialisms.js';

describe('specialism names', () => {
  it('maps the ways people write specialisms to their ids', () => {
    const cases: Record<string, string> = {
      Maths: 'maths', mathematics: 'maths', ' NUMERACY ': 'maths', SEND: 'send', SENCo: 'send', 'Early Years': 'early-years',
      EYFS: 'early-years', 'D&T': 'design-technology', 'D and T': 'design-technology', 'Design & Technology': 'design-technology',
      ICT: 'computing', 'pupil premium': 'closing-the-gap', 'ECT mentoring': 'itt-ect', 'P.E.': 'pe', MFL: 'mfl', 'R.E.': 're',
      'Gifted and talented': 'most-able', behavior: 'behaviour',
    };
    for (const [name, id] of Object.entries(cases)) assert.equal(specialismFromName(name), id, name);
  });

  it('accepts every id and label as written', () => {
    for (const id of SPECIALISMS) {
      assert.equal(specialismFromName(id), id);
      assert.equal(specialismFromName(SPECIALISM_LABELS[id]), id);
    }
    for (const phase of PHASES) assert.equal(phaseFromName(phase), phase);
  });

  it('maps key stages and school types to phases', () => {
    const cases: Record<string, string> = {
      KS1: 'primary', 'Key Stage 2': 'primary', KS4: 'secondary', 'Sixth form': 'post-16', 'post 16': 'post-16',
      'All through': 'all-through', 'Special school': 'special', Nursery: 'nursery',
    };
    for (const [name, id] of Object.entries(cases)) assert.equal(phaseFromName(name), id, name);
  });

  it('never guesses: typos and unknown names give undefined', () => {
    assert.equal(specialismFromName('Mathz'), undefined);
    assert.equal(specialismFromName('KS2 maths'), undefined);
    assert.equal(specialismFromName(''), undefined);
    assert.equal(phaseFromName('middle'), undefined);
  });

  it('normalises case, ampersands and punctuation only', () => {
    assert.equal(normaliseName('  Design & Technology!! '), 'design and technology');
    assert.equal(normaliseName('post-16'), 'post 16');
  });
});
