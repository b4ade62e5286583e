import assert from 'node:assert/strict';
import { executeActions } from '../../helpers/card-actions.js';
import { cardOf, textOf } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, requestSupportInChat, TeamsHarness } from '../../helpers/teams-harness.js';

const head = demoTeamsUser('head');

// What people say that is not a request: thanks, and asking how to cancel.
describe('Teams: thanks and "cancel my request"', function () {
  this.timeout(30_000);
  const harness = new TeamsHarness();
  before(async () => {
    await harness.start();
    harness.addMember(head);
  });
  after(() => harness.stop());

  const answer = async (text: string) => {
    harness.connector.clear();
    await harness.say(head, text);
    return harness.connector.posted(personalChat(head).conversationId);
  };

  for (const thanks of ['thank you', 'Thanks!', 'many thanks, that is great', 'cheers']) {
    it(`answers "${thanks}" kindly, not with "I didn't understand"`, async () => {
      const said = (await answer(thanks)).map(textOf).join(' ');
      assert.match(said, /You are welcome/);
      assert.doesNotMatch(said, /didn't understand/);
    });
  }

  it('explains how to withdraw a request and shows the head their requests with Withdraw', async () => {
    await requestSupportInChat(harness, head);
    const said = await answer('how do I cancel my request?');
    assert.match(said.map(textOf).join(' '), /To cancel a request, press Withdraw on it and give a reason/);
    assert.ok(said.some((call) => executeActions(cardOf(call)).some((a) => a.title === 'Withdraw')), 'the request is there with Withdraw');
  });
});
