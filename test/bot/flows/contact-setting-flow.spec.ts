import assert from 'node:assert/strict';
import { readContactWish } from '../../../bot/flows/contact-setting-flow.js';

describe('reading a "contact me directly" wish', () => {
  it('turns it on, off, or shows it, for phrases about the speaker', () => {
    const cases: Array<[string, ReturnType<typeof readContactWish>]> = [
      ['let schools contact me directly', 'on'],
      ['Schools are welcome to message me directly', 'on'],
      ['turn on direct contact', 'on'],
      ['stop direct contact', 'off'],
      ["please don't let schools contact me directly", 'off'],
      ['opt out of direct contact', 'off'],
      ['I would rather not be contacted... stop schools messaging me directly', 'off'],
      ['what is my direct contact setting?', 'show'],
      ['can schools contact me directly?', 'show'],
    ];
    for (const [text, wish] of cases) assert.equal(readContactWish(text), wish, text);
  });

  it('leaves other messages to the recogniser, including searches for someone to contact', () => {
    for (const text of ['find an SLE in maths I can contact directly', 'who accepts direct contact for phonics?', 'contact the manager', 'we need help with KS2 maths']) {
      assert.equal(readContactWish(text), undefined, text);
    }
  });
});
