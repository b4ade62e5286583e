import { strict as assert } from 'node:assert';
import { PhraseIndex, type Meaning } from '../../../services/nlu/phrase-index.js';
import { tokenize } from '../../../services/nlu/tokenize.js';

describe('PhraseIndex', () => {
  const english: Meaning = { kind: 'specialism', specialism: 'english' };
  const phonics: Meaning = { kind: 'specialism', specialism: 'phonics' };
  const report: Meaning = { kind: 'cue', intent: 'submit_visit_report', weight: 4 };
  const re: Meaning = { kind: 'specialism', specialism: 're' };

  function index(): PhraseIndex {
    const phrases = new PhraseIndex();
    phrases.add(['w:reading'], english);
    phrases.add(['w:early', 'w:reading'], phonics);
    phrases.add(['s:write', 's:up'], report);
    phrases.add(['c:RE'], re);
    return phrases;
  }

  it('takes the longest phrase at each point and counts its words once', () => {
    assert.deepEqual(index().find(tokenize('early reading and reading')), [phonics, english]);
  });

  it('matches cues by stem and entities by word', () => {
    assert.deepEqual(index().find(tokenize('she wrote up, I am writing up')), [report]);
  });

  it('matches capitals-only keys exactly as written', () => {
    assert.deepEqual(index().find(tokenize('RE re Re')), [re]);
  });

  it('refuses the same phrase twice for the same kind of meaning', () => {
    const phrases = index();
    assert.throws(() => phrases.add(['w:reading'], phonics), /listed twice/);
    phrases.add(['w:reading'], { kind: 'phase', phase: 'primary', strength: 'implied' });
  });
});
