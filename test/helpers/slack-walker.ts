import assert from 'node:assert/strict';
import { slackButtons, slackTextOf, type SlackCall } from './fake-slack-api.js';
import { dmOf, type SlackHarness } from './slack-harness.js';
import { answerModal } from './slack-modal-state.js';

const SHOWN = new Set(['chat.postMessage', 'chat.update', 'response_url', 'chat.postEphemeral']);

/**
 * One person at a time, as people use the Slack app: each says something or presses a button, and
 * `shown` is what the bot last showed them (the newest message in their DM, or the answer to their press).
 */
export class SlackWalker {
  shown: SlackCall | undefined;
  /** How many times someone was told "While you were away…". */
  toldWhatTheyMissed = 0;

  constructor(private readonly harness: SlackHarness) {}

  /** Slack listeners answer after the ack: waits until the bot has been quiet for a moment. */
  private async settle(): Promise<void> {
    const { slack } = this.harness;
    // Every step makes the bot call Slack at least once; a loaded machine may take a while to start.
    const deadline = Date.now() + 10_000;
    while (slack.calls.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    let count = -1;
    while (count !== slack.calls.length) {
      count = slack.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  act = async (user: string, send: () => Promise<{ status: number; text: string }>): Promise<{ status: number; text: string }> => {
    const { slack } = this.harness;
    slack.clear();
    const response = await send();
    assert.equal(response.status, 200);
    await this.settle();
    const mine = slack.calls.filter((c) => SHOWN.has(c.method) && (c.method === 'response_url' || c.body.channel === dmOf(user)));
    if (mine.some((c) => slackTextOf(c).includes('While you were away'))) this.toldWhatTheyMissed += 1;
    this.shown = mine.at(-1) ?? this.shown;
    return response;
  };

  say = (user: string, text: string) => this.act(user, () => this.harness.dm(user, text));

  /** The button titled `title` on what `user` was last shown. */
  buttonOn = (user: string, title: string) => {
    const buttons = this.shown ? slackButtons(this.shown) : [];
    const found = buttons.find((b) => b.text === title);
    assert.ok(found, `${user} sees "${title}" among ${buttons.map((b) => b.text).join(', ')}`);
    return found;
  };

  /** Presses a button on what `user` was last shown; returns the modal it opened, if any. */
  press = async (user: string, title: string): Promise<SlackCall | undefined> => {
    const found = this.buttonOn(user, title);
    await this.act(user, () => this.harness.press(user, found.actionId, found.data, { channel: dmOf(user), ts: String(this.shown?.body.ts ?? '1.1') }));
    return this.harness.slack.called('views.open').at(-1);
  };

  /** Submits an opened modal: first with `wrong` answers, which must come back as errors inside it, then right. */
  submit = async (user: string, opened: SlackCall | undefined, answers: Record<string, string>, wrong?: Record<string, string>) => {
    assert.ok(opened, `a form opened for ${user}`);
    if (wrong) {
      const refused = await this.harness.submit(user, opened, answerModal(opened, { ...answers, ...wrong }));
      assert.match(refused.text, /"response_action":"errors"/, 'the modal stays open with the problems under their fields');
      for (const field of Object.keys(wrong)) assert.match(refused.text, new RegExp(`"${field}":"`), `${field} is marked`);
    }
    await this.act(user, () => this.harness.submit(user, opened, answerModal(opened, answers)));
  };

  /** From "my work": presses a button there; a form it opens is submitted with `answers`. */
  fromMyWork = async (user: string, title: string, answers?: Record<string, string>, wrong?: Record<string, string>) => {
    await this.say(user, 'my requests');
    const opened = await this.press(user, title);
    if (answers) await this.submit(user, opened, answers, wrong);
  };
}
