import { strict as assert } from 'node:assert';
import { SpellingCorrector } from '../../../services/nlu/spelling.js';
import { tokenize } from '../../../services/nlu/tokenize.js';

describe('SpellingCorrector', () => {
  const speller = new SpellingCorrector(['maths', 'math', 'visit', 'report', 'help', 'science', 'attendance', 'curriculum', 'art', 'sport'], ['sort']);
  const correct = (text: string) => speller.correct(tokenize(text)).map((token) => token.word).join(' ');

  it('fixes one slip in a word of five to nine letters', () => {
    assert.equal(correct('scince repprt'), 'science report');
  });

  it('counts two swapped neighbours as one slip', () => {
    assert.equal(correct('mahts hlep'), 'maths help');
  });

  it('fixes a four-letter word only for a dropped letter or a swap', () => {
    assert.equal(correct('vist'), 'visit');
    assert.equal(correct('hemp'), 'hemp');
  });

  it('allows two slips from ten letters on, one below', () => {
    assert.equal(correct('curicculum atendence'), 'curriculum atendence');
  });

  it('never touches words under four letters, listed ordinary words or a different first letter', () => {
    assert.equal(correct('part are sort'), 'part are sort');
    assert.equal(correct('cience'), 'cience');
  });

  it('takes a capitalised word after the first for a name, but corrects a capital at the start', () => {
    assert.equal(correct('ask Matt'), 'ask matt');
    assert.equal(correct('Scince'), 'science');
  });

  it('keeps what was written in raw, for capitals-only abbreviations', () => {
    assert.equal(speller.correct(tokenize('Scince'))[0].raw, 'Scince');
  });

  it('does not guess between two equally close words', () => {
    const twoWays = new SpellingCorrector(['mentor', 'mentos'], []);
    assert.equal(twoWays.correct(tokenize('mentoz'))[0].word, 'mentoz');
  });
});
