import assert from 'node:assert/strict';
import { validateAdaptiveCard } from '../../../cards/render/validate-adaptive.js';
import { DEMO_ALLIANCE_ID } from '../../../services/directory/seed-demo.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, TeamsHarness, type Place, type TeamsUser } from '../../helpers/teams-harness.js';

const head = demoTeamsUser('head');
const stranger: TeamsUser = { id: '29:stranger', aadObjectId: 'ffffffff-0000-0000-0000-00000000abcd', name: 'Sam Stranger' };
/** The head's chat with another head: where they type, and where the bot is not a member. */
const chatWithColleague: Place = { conversationId: 'a:chat-mark-julie', scope: 'personal' };

interface ExtensionResult {
  type: 'result' | 'message';
  text?: string;
  attachmentLayout?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown>; preview: { contentType: string; content: { title: string; text: string } } }>;
}

// "Find an expert" in the Teams compose box and command box: composeExtension/query invokes over /api/messages.
describe('Teams: Find an expert message extension over /api/messages', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  before(() => harness.start());
  after(() => harness.stop());

  async function query(user: TeamsUser, text: string, options: { skip?: number; count?: number; commandId?: string } = {}) {
    const response = await harness.post(harness.activity(user, chatWithColleague, {
      type: 'invoke',
      name: 'composeExtension/query',
      value: {
        commandId: options.commandId ?? 'findExpert',
        parameters: [{ name: 'query', value: text }],
        queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
      },
    }));
    return { status: response.status, result: (response.body as { composeExtension?: ExtensionResult } | undefined)?.composeExtension };
  }

  it('answers with the same ranked, explained supporters as the chat search, each a card to share', async () => {
    const { status, result } = await query(head, 'maths');
    assert.equal(status, 200);
    assert.equal(result?.type, 'result');
    assert.equal(result?.attachmentLayout, 'list');
    const attachments = result?.attachments ?? [];
    assert.ok(attachments.length >= 2, `found ${attachments.length}`);

    // The chat search for the same words, as the head would type it to the bot.
    await harness.say(head, 'find an SLE in maths');
    const chat = textOf(harness.connector.posted(personalChat(head).conversationId).at(-1)!);
    const [, shown, total] = /Showing 1–(\d+) of (\d+), best match first/.exec(chat) ?? [];
    assert.equal(attachments.length, Number(total), 'every supporter the chat search counts');
    // The chat's first page, in the chat's order: each title (name, designation) further down than the last.
    const positions = attachments.slice(0, Number(shown)).map((a) => chat.indexOf(a.preview.content.title));
    assert.ok(positions.every((at, i) => at > (i === 0 ? -1 : positions[i - 1])), `${positions.join(', ')} in ${chat}`);
    for (const attachment of attachments) {
      assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
      assert.equal(attachment.preview.contentType, 'application/vnd.microsoft.card.thumbnail');
      // The preview explains the rank; the shared card says it too, with free days.
      assert.match(attachment.preview.content.text, /maths/i);
      const shared = JSON.stringify(attachment.content);
      assert.ok(shared.includes(attachment.preview.content.text.replace(/"/g, '\\"')));
      assert.match(shared, /Days free this academic year: \d+ of \d+/);
      assert.deepEqual(validateAdaptiveCard(attachment.content).failures, []);
    }
  });

  it('pages with skip and count as the person scrolls', async () => {
    const all = (await query(head, 'maths', { count: 25 })).result?.attachments ?? [];
    const second = (await query(head, 'maths', { skip: 1, count: 1 })).result?.attachments ?? [];
    assert.equal(second.length, 1);
    assert.equal(second[0].preview.content.title, all[1].preview.content.title);
  });

  it('says what to type when the words name no area', async () => {
    const { status, result } = await query(head, 'someone nice');
    assert.equal(status, 200);
    assert.deepEqual(result, { type: 'message', text: 'No area found in "someone nice". Try a subject or need, e.g. "maths KS2" or "SEND".' });
  });

  it('shows a stranger who to ask, and no supporter', async () => {
    const { result } = await query(stranger, 'maths');
    assert.doesNotMatch(JSON.stringify(result), /Days free/);
  });

  it('never takes the chat the person typed in for their chat with the bot', async () => {
    const links = await harness.app.store.query(DEMO_ALLIANCE_ID, { type: 'conversationLink' });
    assert.doesNotMatch(JSON.stringify(links), new RegExp(chatWithColleague.conversationId));
    assert.equal(harness.connector.posted(chatWithColleague.conversationId).length, 0, 'nothing was posted into that chat');
  });

  it('refuses a command it does not have', async () => {
    const { status } = await query(head, 'maths', { commandId: 'somethingElse' });
    assert.notEqual(status, 200);
  });
});
