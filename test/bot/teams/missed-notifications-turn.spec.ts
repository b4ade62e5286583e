import { strict as assert } from 'node:assert';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { Person } from '../../../services/domain/person.js';
import { SqliteStore } from '../../../services/store/SqliteStore.js';
import { countingStore, type CountingStore } from '../../helpers/counting-store.js';
import { proposeDemoSupport } from '../../helpers/demo-deployment.js';
import { cardOf, textOf } from '../../helpers/fake-bot-connector.js';
import { personIdOf } from '../../helpers/person-ids.js';
import { demoTeamsUser, personalChat, TeamsHarness } from '../../helpers/teams-harness.js';

const head = demoTeamsUser('head');

/** Issue 16: only someone the outbox failed to reach pays for looking in the outbox on their turn. */
describe('Teams: what a person missed is looked for only when the outbox failed to reach them', function () {
  this.timeout(60_000);
  let counting: CountingStore;
  const harness = new TeamsHarness(async (path) => (counting = countingStore(new SqliteStore(path), { turnsOnly: true })).store);
  const markOnHead = async () => (await harness.app.store.get<Person>(DEMO_ALLIANCE_ID, await personIdOf(harness.app.store, DEMO_IDENTITIES.head.email)))?.missedNotifications;

  /** The head says "help"; what the bot answered, and the store calls the turn made. */
  async function help() {
    harness.connector.clear();
    counting.reset();
    const answer = await harness.say(head, 'help');
    assert.equal(answer.status, 200);
    const posted = harness.connector.posted(personalChat(head).conversationId);
    return { text: posted.map((call) => textOf(call)).join('\n'), cards: posted.filter((call) => cardOf(call)).length, calls: counting.cost().calls };
  }
  /** Mark Davies' request is matched with Priya while Teams answers 404 for every personal chat. */
  async function matchWhileChatsAreLost(submissionId: string) {
    await proposeDemoSupport(harness.app.store, harness.clock, 2, submissionId);
    harness.connector.refusePosts = (conversationId) => conversationId.startsWith('a:personal-');
    await harness.app.outbox.runOnce();
    harness.connector.refusePosts = () => false;
  }

  before(async () => {
    await harness.start();
    harness.addMember(head);
    await harness.install(head);
  });
  after(() => harness.stop());

  it('answers someone nobody failed to reach without querying the outbox', async () => {
    const turn = await help();
    assert.equal(turn.calls.query, undefined, `no query: ${JSON.stringify(turn.calls)}`);
    assert.doesNotMatch(turn.text, /While you were away/);
  });

  it('tells them on their next turn what they missed, with their work, then stops looking', async () => {
    await matchWhileChatsAreLost('missed-first');
    assert.equal(await markOnHead(), 1);

    const told = await help();
    assert.match(told.text, /While you were away I could not reach you with 1 message\./);
    assert.equal(told.cards, 2, 'the help card, then their work');
    assert.equal(await markOnHead(), undefined);

    const after = await help();
    assert.equal(after.calls.query, undefined);
    assert.doesNotMatch(after.text, /While you were away/);
  });

  it('tells them again about a failure after the last one was shown', async () => {
    await matchWhileChatsAreLost('missed-second');
    const told = await help();
    assert.match(told.text, /While you were away I could not reach you with 1 message\./);
    assert.equal(await markOnHead(), undefined);
  });
});
