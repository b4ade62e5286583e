import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { DEMO_IDENTITIES } from '../../services/directory/seed-demo.js';
import { executeActions } from '../helpers/card-actions.js';
import { cardOf, type RecordedCall } from '../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, TeamsHarness, type TeamsUser } from '../helpers/teams-harness.js';

const manager = demoTeamsUser('manager');
const head = demoTeamsUser('head');
const NEED = 'Quillwort arithmetic outcomes fell sharply this year after staff changes.';
const OUTCOMES = 'Marrowfat calculation policy and improved KS2 arithmetic scores.';

// Logs hold ids, never names, emails or what people wrote, so erasure need not reach them. Every line
// the bot writes at debug, through a request, a refused form, a decision, failed deliveries and a
// failing turn, is searched for the people's names, emails and words.
describe('security: what the logs hold', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  const lines: string[] = [];
  before(async () => {
    harness.logger = pino({ level: 'debug' }, new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
    await harness.start();
    for (const user of [manager, head]) harness.addMember(user);
  });
  after(() => harness.stop());

  const lastCard = (user: TeamsUser) => {
    const posted = harness.connector.posted(personalChat(user).conversationId).filter((c: RecordedCall) => c.activityId);
    return cardOf(posted[posted.length - 1]);
  };

  it('logs ids and reasons, with no name, email or free text of anyone', async () => {
    for (const user of [manager, head]) await harness.install(user);
    await harness.say(head, 'request support');
    const submit = executeActions(lastCard(head)).find((a) => a.verb.endsWith('.submit'))!;
    const answers = { specialisms: 'maths', phase: 'primary', daysWanted: '2', preferredStart: '2026-12-01', need: NEED, outcomes: OUTCOMES };
    await harness.press(head, submit.verb, { ...submit.data, ...answers, daysWanted: '99' }, 'card-1');
    await harness.press(head, submit.verb, { ...submit.data, ...answers }, 'card-1');
    // Every personal notification is refused, so deliveries fail and are logged.
    harness.connector.refusePosts = (conversationId) => conversationId.startsWith('a:personal-');
    await harness.app.outbox.runOnce();
    harness.connector.refusePosts = () => false;
    await harness.say(manager, 'my requests');
    await harness.press(manager, 'plan.confirm', { deploymentId: 'deployment-that-does-not-exist' }, 'card-2');
    await harness.press(manager, 'request.approve', { requestId: 'request-nope', candidateId: 'person-nope' }, 'card-3');

    assert.ok(lines.length > 10, `the bot logged (${lines.length} lines)`);
    assert.ok(lines.some((line) => /"level":(40|50)/.test(line)), 'warnings or errors were among them');
    const forbidden = [
      DEMO_IDENTITIES.head.name, DEMO_IDENTITIES.manager.name, DEMO_IDENTITIES.supporter.name,
      DEMO_IDENTITIES.head.email, DEMO_IDENTITIES.manager.email, 'Quillwort', 'Marrowfat', 'Hawthorn',
    ];
    const leaks = lines.filter((line) => forbidden.some((word) => line.includes(word)) || /[\w.+-]+@[\w-]+\.example/.test(line));
    assert.deepEqual(leaks, []);
  });
});
