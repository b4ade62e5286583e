import assert from 'node:assert/strict';
import { executeActions } from '../../helpers/card-actions.js';
import { cardOf, textOf } from '../../helpers/fake-bot-connector.js';
import { BROKERAGE_CHANNEL, demoTeamsUser, personalChat, requestSupportInChat, TeamsHarness } from '../../helpers/teams-harness.js';

const head = demoTeamsUser('head');

// What people say that is not a request: thanks, and asking how to cancel.
describe('Teams: greetings, thanks and "cancel my request"', function () {
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

  it('greets a team it is added to without naming anyone, and a person in their own chat by name', async () => {
    const manager = demoTeamsUser('manager');
    harness.addMember(manager);
    harness.connector.clear();
    await harness.install(manager, BROKERAGE_CHANNEL);
    const inChannel = harness.connector.posted(BROKERAGE_CHANNEL.conversationId).map(textOf).join(' ');
    assert.match(inChannel, /use this channel for brokerage/);
    assert.doesNotMatch(inChannel, /Helen|Carter/);
    await harness.install(manager);
    assert.match(harness.connector.posted(personalChat(manager).conversationId).map(textOf).join(' '), /Hello Helen Carter/);
  });

  it('explains how to withdraw a request and shows the head their requests with Withdraw', async () => {
    await requestSupportInChat(harness, head);
    const said = await answer('how do I cancel my request?');
    assert.match(said.map(textOf).join(' '), /To cancel a request, press Withdraw on it and give a reason/);
    assert.ok(said.some((call) => executeActions(cardOf(call)).some((a) => a.title === 'Withdraw')), 'the request is there with Withdraw');
  });
});
