import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutboxMessage } from '../../services/notifications/outbox-message.js';
import { textOf } from '../helpers/fake-bot-connector.js';
import { demoTeamsUser, BROKERAGE_CHANNEL, TeamsHarness } from '../helpers/teams-harness.js';
import { StallingProxy } from './stalling-proxy.js';

const head = demoTeamsUser('head');
const manager = demoTeamsUser('manager');

describe('faults: the Teams channel API never answers', function () {
  this.timeout(90_000);
  const harness = new TeamsHarness();
  const proxy = new StallingProxy(() => harness.connector.url);
  const managerCards = () => harness.connector.posted(BROKERAGE_CHANNEL.conversationId).filter((c) => /S2S-2026-\d{4}/.test(textOf(c)));

  before(async () => {
    await harness.start();
    await proxy.start();
    harness.addMember(head);
    harness.addMember(manager);
    // The channel is linked through the proxy, so proactive posts to it go through the proxy too.
    await harness.post({ ...harness.activity(manager, BROKERAGE_CHANNEL, { type: 'message', text: '<at>S2S</at> use this channel for brokerage' }), serviceUrl: proxy.url });
  });
  after(async () => { await proxy.stop(); await harness.stop(); });

  it('gives up on a stalled post within the client timeout and leaves the message pending, then posts it once', async () => {
    const submissionId = randomBytes(9).toString('base64url');
    assert.equal((await harness.press(head, 'support-request.submit', {
      formId: 'support-request', submissionId, specialisms: 'maths', phase: 'primary', daysWanted: '2', preferredStart: '2026-12-01',
      need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
      outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
    }, 'form-card')).status, 200);
    harness.connector.clear();
    proxy.stallNext = 100;
    const started = Date.now();
    const outcome = await Promise.race([harness.app.outbox.runOnce(), sleep(30_000).then(() => 'still waiting' as const)]);
    console.log(`      stalled posts: ${proxy.stalled}; outbox pass ended after ${Date.now() - started} ms`);
    assert.notEqual(outcome, 'still waiting', 'a delivery pass must not hang on a channel that never answers');
    const [message] = (await harness.app.store.queryAllAlliances<OutboxMessage>({ type: 'outbox' })).filter((m) => m.event.kind === 'requestForManagers');
    assert.equal(message.status, 'pending');
    assert.equal(message.attempts, 1);
    proxy.stallNext = 0;
    harness.clock.set(new Date(Date.parse(message.notBefore) + 1));
    await harness.app.outbox.runOnce();
    assert.equal(managerCards().length, 1);
  });
});
