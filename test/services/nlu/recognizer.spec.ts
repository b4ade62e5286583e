import { strict as assert } from 'node:assert';
import { recognize } from '../../../services/nlu/recognizer.js';

describe('recognize', () => {
  it('understands the messages from the issue', () => {
    assert.deepEqual(recognize('find an SLE in maths'), { intent: 'find_supporter', specialisms: ['maths'], phase: null });
    assert.deepEqual(recognize('who can help with KS2 maths'), { intent: 'find_supporter', specialisms: ['maths'], phase: 'primary' });
    assert.deepEqual(recognize('our attendance is poor, can someone come and help us'), {
      intent: 'request_support', specialisms: ['attendance'], phase: null,
    });
    assert.deepEqual(recognize('submt my vist report'), { intent: 'submit_visit_report', specialisms: [], phase: null });
    assert.deepEqual(recognize("what's the status of my request?"), { intent: 'my_requests', specialisms: [], phase: null });
  });

  describe('jargon', () => {
    const cases: Array<[string, string[]]> = [
      ['numeracy', ['maths']], ['literacy', ['english']], ['reading and writing', ['english']], ['EYFS', ['early-years']],
      ['our SENCo', ['send']], ['special needs', ['send']], ['autism', ['send']], ['D&T', ['design-technology']],
      ['DT', ['design-technology']], ['ICT', ['computing']], ['computer science', ['computing']], ['MFL', ['mfl']],
      ['French and Spanish', ['mfl']], ['pupil premium', ['closing-the-gap']], ['disadvantaged', ['closing-the-gap']],
      ['gifted and talented', ['most-able']], ['G&T', ['most-able']], ['more able', ['most-able']], ['ECTs', ['itt-ect']],
      ['NQTs', ['itt-ect']], ['trainee teachers', ['itt-ect']], ['mentoring', ['itt-ect']], ['RE', ['re']],
      ['religious education', ['re']], ['PE', ['pe']], ['sport', ['pe']], ['PSHE', ['pshe']], ['RSE', ['pshe']],
      ['phonics', ['phonics']], ['early reading', ['phonics']], ['persistent absence', ['attendance']],
      ['exclusions', ['behaviour']], ['behavior', ['behaviour']],
    ];
    for (const [text, specialisms] of cases) {
      it(`reads "${text}" as ${specialisms.join(', ')}`, () => assert.deepEqual(recognize(text).specialisms, specialisms));
    }

    const phases: Array<[string, string | null]> = [
      ['KS1', 'primary'], ['key stage 2', 'primary'], ['Y6', 'primary'], ['yr 3', 'primary'], ['reception', 'primary'],
      ['KS3', 'secondary'], ['KS 4', 'secondary'], ['year 9', 'secondary'], ['year11', 'secondary'], ['GCSE', 'secondary'],
      ['KS5', 'post-16'], ['year 12', 'post-16'], ['sixth form', 'post-16'], ['6th form', 'post-16'], ['A-level', 'post-16'],
      ['nursery', 'nursery'], ['a special school', 'special'], ['all-through', 'all-through'], ['EYFS', null],
    ];
    for (const [text, phase] of phases) {
      it(`reads "${text}" as phase ${phase}`, () => assert.equal(recognize(text).phase, phase));
    }
  });

  it('corrects common typos in longer words', () => {
    assert.deepEqual(recognize('fnd an sle in scince').specialisms, ['science']);
    assert.deepEqual(recognize('attendence is dreadful').specialisms, ['attendance']);
    assert.deepEqual(recognize('mahts and geograpy').specialisms, ['maths', 'geography']);
    assert.equal(recognize('hlep').intent, 'help');
  });

  it('leaves short words, ordinary words and names alone', () => {
    assert.deepEqual(recognize("are we part of a MAT? we're fine").specialisms, []);
    assert.deepEqual(recognize('Re: the meeting, is it on? a level of detail, sort it').specialisms, []);
    assert.equal(recognize('Re: the meeting, is it on? a level of detail').phase, null);
    assert.deepEqual(recognize('I can attend on Tuesday').specialisms, []);
    assert.deepEqual(recognize('please send my report').specialisms, []);
    assert.deepEqual(recognize('Can Matt bring the pet?').specialisms, []);
  });

  it('answers greetings and questions about the bot with help', () => {
    for (const text of ['hi', 'Hello!', 'good morning', 'what can you do?', 'HELP']) assert.equal(recognize(text).intent, 'help', text);
  });

  it('treats greetings around a request as chatter', () => {
    assert.equal(recognize('Hi there! Could you find me a maths SLE please? Thanks so much').intent, 'find_supporter');
    assert.equal(recognize('hello, hope you are well - we need support with behaviour in year 9').intent, 'request_support');
  });

  it('gives none with no entities for empty, emoji-only and unrelated messages', () => {
    const none = { intent: 'none', specialisms: [], phase: null };
    for (const text of ['', '   ', '👍', '🙂🙂', '?!', 'lol', "what's the weather like", 'book a room', 'are we part of a MAT?']) {
      assert.deepEqual(recognize(text), none, JSON.stringify(text));
    }
  });

  it('prefers the kind of school to a year group, and reads primary with secondary as all-through', () => {
    assert.equal(recognize('KS3 pupils in our special school').phase, 'special');
    assert.equal(recognize('year 6 to year 7 transition').phase, 'all-through');
    assert.equal(recognize('EYFS in our nursery').phase, 'nursery');
  });

  it('lists each specialism once, in the order mentioned', () => {
    assert.deepEqual(recognize('phonics, then maths, then more phonics and numeracy').specialisms, ['phonics', 'maths']);
  });

  it('reads Slack slash-command text and Teams bot commands the same way as typed messages', () => {
    const typed = recognize('find an SLE in maths');
    assert.deepEqual(recognize('<at>School Support</at> find an SLE in maths'), typed);
    assert.deepEqual(recognize('<@U0BOT> find an SLE in maths'), typed);
    const commands: Array<[string, string]> = [
      ['request support', 'request_support'], ['find an expert', 'find_supporter'], ['my requests', 'my_requests'],
      ['my deployments', 'my_requests'], ['visit report', 'submit_visit_report'], ['help', 'help'],
    ];
    for (const [command, intent] of commands) assert.equal(recognize(command).intent, intent, command);
  });

  it('reads the longest phrase: "writing up" is a report, not English', () => {
    assert.deepEqual(recognize('writing up my visit'), { intent: 'submit_visit_report', specialisms: [], phase: null });
  });
});
