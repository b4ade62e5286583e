import { strict as assert } from 'node:assert';
import { normalise, tokenize } from '../../../services/nlu/tokenize.js';

describe('tokenize', () => {
  const words = (text: string) => tokenize(text).map((token) => token.word);

  it('splits on spaces and punctuation and drops emoji', () => {
    assert.deepEqual(words('Hi! Maths, please 👍 (KS2)?'), ['hi', 'maths', 'please', 'ks2']);
    assert.deepEqual(words('👍🙂'), []);
    assert.deepEqual(words(''), []);
  });

  it('writes year groups and key stages one way', () => {
    assert.equal(normalise('Y6, yr 10, year7, years 5'), 'year 6, year 10, year 7, year 5');
    assert.equal(normalise('KS 2, key stage 3, Key Stage4'), 'ks2, ks3, ks4');
    assert.equal(normalise('in 2024'), 'in 2024');
  });

  it('reads "&" as "and", joins dotted abbreviations and drops apostrophes', () => {
    assert.deepEqual(words('D&T and G & T'), ['d', 'and', 't', 'and', 'g', 'and', 't']);
    assert.deepEqual(tokenize('R.E. and P.E.').map((token) => token.raw), ['RE', 'and', 'PE']);
    assert.deepEqual(words('what’s we\'re'), ['whats', 'were']);
  });

  it('drops Teams and Slack mentions', () => {
    assert.deepEqual(words('<at>School Support</at> find <@U123ABC> <#C42|brokerage>'), ['find']);
  });

  it('gives each word its stem, so inflections meet', () => {
    assert.deepEqual(tokenize('requests requesting visited').map((token) => token.stem), ['request', 'request', 'visit']);
  });
});
