import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp, type RunningApp } from '../../bot/app.js';
import { fixedClock } from '../../services/clock.js';
import { loadConfig } from '../../services/config/config.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';
import { FakeSlackApi, type SlackCall } from './fake-slack-api.js';
import { signedHeaders } from './slack-signing.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM_ID = 'T0DEMO';
export const BROKERAGE = { id: 'C0BROKERAGE', name: 'brokerage' };

/** The bot's DM channel with a user, as Slack would name it. */
export function dmOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** Where a button was pressed: a message (channel and ts), or the App Home (no message). */
export type PressedOn = { channel: string; ts: string; ephemeral?: boolean } | 'home';

let sequence = 0;

/** The bot on loopback with Slack configured, a temporary SQLite file and a fake Slack Web API. */
export class SlackHarness {
  readonly slack = new FakeSlackApi();
  readonly clock = fixedClock('2026-11-23T10:00:00Z');
  app!: RunningApp;
  private dir = '';

  async start(env: Record<string, string> = {}): Promise<void> {
    await this.slack.start();
    this.dir = mkdtempSync(join(tmpdir(), 's2s-slack-'));
    const path = join(this.dir, 's2s.db');
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: path, LOG_LEVEL: 'silent', SCHEDULER: 'off',
      SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: this.slack.apiUrl,
      SLACK_BOT_ID: 'B0S2S', SLACK_BOT_USER_ID: 'U0S2SBOT', ...env,
    });
    this.app = await startApp(config, { store: new SqliteStore(path), clock: this.clock, logger: pino({ level: 'silent' }), startOutbox: false });
  }

  async stop(): Promise<void> {
    await this.app.close(1000);
    await this.slack.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** POSTs a raw body to /slack/events, signed unless told otherwise. */
  async send(rawBody: string, contentType: string, options: { timestamp?: number; secret?: string } = {}): Promise<{ status: number; text: string }> {
    const headers = signedHeaders(options.secret ?? SIGNING_SECRET, rawBody, contentType, options.timestamp);
    const response = await fetch(`${this.app.url}/slack/events`, { method: 'POST', headers, body: rawBody });
    return { status: response.status, text: await response.text() };
  }

  /** `/s2s <text>`, in the user's DM with the bot unless a channel is given. */
  command(userId: string, text: string, channel = { id: dmOf(userId), name: 'directmessage' }) {
    const form = new URLSearchParams({
      token: 'legacy', team_id: TEAM_ID, team_domain: 'riverside', channel_id: channel.id, channel_name: channel.name,
      user_id: userId, user_name: userId.toLowerCase(), command: '/s2s', text, api_app_id: 'A0S2S',
      response_url: this.slack.responseUrl(), trigger_id: `trigger-${++sequence}`,
    });
    return this.send(form.toString(), 'application/x-www-form-urlencoded');
  }

  /** Presses a button (action id and the data its value carries). */
  press(userId: string, actionId: string, data: Record<string, unknown>, on: PressedOn) {
    const where = on === 'home'
      ? { container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home' } }
      : {
        container: { type: 'message', message_ts: on.ts, channel_id: on.channel, is_ephemeral: on.ephemeral ?? false },
        channel: { id: on.channel, name: on.channel.startsWith('D') ? 'directmessage' : BROKERAGE.name },
        message: { ts: on.ts, type: 'message' },
      };
    return this.payload({
      type: 'block_actions', user: { id: userId, team_id: TEAM_ID }, team: { id: TEAM_ID }, api_app_id: 'A0S2S',
      trigger_id: `trigger-${++sequence}`, response_url: this.slack.responseUrl(), ...where,
      actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: JSON.stringify(data), action_ts: '1' }],
    });
  }

  /** Submits a modal the bot opened (a recorded views.open), with Slack-shaped state values. */
  submit(userId: string, opened: SlackCall, values: Record<string, Record<string, unknown>>) {
    const view = opened.body.view as Record<string, unknown>;
    return this.payload({
      type: 'view_submission', user: { id: userId, team_id: TEAM_ID }, team: { id: TEAM_ID }, api_app_id: 'A0S2S',
      trigger_id: `trigger-${++sequence}`, view: { ...view, id: 'V0MODAL', team_id: TEAM_ID, state: { values } },
    });
  }

  /** An Events API callback (message.im, app_mention, app_home_opened). */
  event(event: Record<string, unknown>) {
    const body = { token: 'legacy', team_id: TEAM_ID, api_app_id: 'A0S2S', type: 'event_callback', event_id: `Ev${++sequence}`, event_time: 1, event };
    return this.send(JSON.stringify(body), 'application/json');
  }

  dm(userId: string, text: string) {
    return this.event({ type: 'message', channel_type: 'im', channel: dmOf(userId), user: userId, text, ts: `${++sequence}.0001` });
  }

  private payload(payload: Record<string, unknown>) {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }
}

/** Slack's view.state.values for a support-request modal: block id and action id are both the field id. */
export function supportRequestState(answers: { specialisms: string[]; phase: string; need: string; outcomes: string; daysWanted: string; preferredStart: string }) {
  return {
    specialisms: { specialisms: { type: 'multi_static_select', selected_options: answers.specialisms.map((value) => ({ value })) } },
    phase: { phase: { type: 'static_select', selected_option: { value: answers.phase } } },
    need: { need: { type: 'plain_text_input', value: answers.need } },
    outcomes: { outcomes: { type: 'plain_text_input', value: answers.outcomes } },
    daysWanted: { daysWanted: { type: 'number_input', value: answers.daysWanted } },
    preferredStart: { preferredStart: { type: 'datepicker', selected_date: answers.preferredStart } },
    ofstedContext: { ofstedContext: { type: 'plain_text_input', value: null } },
  };
}
