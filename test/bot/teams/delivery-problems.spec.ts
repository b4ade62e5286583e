import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { executeActions } from '../../helpers/card-actions.js';
import { cardOf, textOf } from '../../helpers/fake-bot-connector.js';
import { BROKERAGE_CHANNEL, demoTeamsUser, personalChat, requestSupportInChat, TeamsHarness } from '../../helpers/teams-harness.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');

// A manager sees in chat what could not be delivered, in plain English and UK time, fixes the cause
// and presses "Send again"; nobody else may.
describe('Teams: delivery problems and "Send again" in chat', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  before(async () => {
    await harness.start();
    for (const user of [manager, head]) harness.addMember(user);
  });
  after(() => harness.stop());

  it('resends a notification the manager fixed the cause of, and refuses anyone else', async () => {
    await requestSupportInChat(harness, head);
    assert.equal((await harness.app.outbox.runOnce()).failed, 1, 'no brokerage channel is linked yet');

    harness.connector.clear();
    await harness.say(manager, 'delivery problems');
    const problems = harness.connector.posted(personalChat(manager).conversationId).at(-1)!;
    assert.match(textOf(problems), /the manager channel missed the new request card S2S-2026-0001/i);
    assert.match(textOf(problems), /23 Nov, 10:00, after 1 attempt: No brokerage channel is linked/, 'UK time and the reason');
    const sendAgain = executeActions(cardOf(problems)).find((a) => a.title === 'Send again')!;
    assert.ok(sendAgain, 'each problem has Send again');

    const refused = await harness.press(head, sendAgain.verb, sendAgain.data, 'problems-card');
    assert.equal(refused.status, 200);
    assert.match(textOf(harness.connector.posted(personalChat(head).conversationId).at(-1)!), /Only the alliance manager/);
    const [failed] = await harness.app.store.query<OutboxMessage>(DEMO_ALLIANCE_ID, { type: 'outbox', where: [{ field: 'status', op: 'eq', value: 'failed' }] });
    assert.ok(failed, 'still failed after the head pressed');

    await harness.say(manager, '<at>S2S</at> use this channel for brokerage', BROKERAGE_CHANNEL);
    harness.connector.clear();
    const resent = await harness.press(manager, sendAgain.verb, sendAgain.data, 'problems-card');
    assert.doesNotMatch(JSON.stringify((resent.body as { value: unknown }).value), /S2S-2026-0001/, 'the list is redrawn without it');
    assert.match(textOf(harness.connector.posted(personalChat(manager).conversationId).at(-1)!), /Sent again/);
    await harness.app.outbox.runOnce();
    assert.equal((await harness.app.store.get<OutboxMessage>(DEMO_ALLIANCE_ID, failed.id))?.status, 'sent');
    assert.ok(harness.connector.posted(BROKERAGE_CHANNEL.conversationId).some((call) => /S2S-2026-0001/.test(JSON.stringify(call.body))));
  });
});
