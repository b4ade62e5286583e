import { Agent, request } from 'node:http';
import { DEMO_IDENTITIES } from '../services/directory/seed-demo.js';
import { signedHeaders } from '../test/helpers/slack-signing.js';
import { SIGNING_SECRET, SlackHarness, TEAM_ID, dmOf } from '../test/helpers/slack-harness.js';
import { percentile } from './load.js';
import type { ReportRow } from './report.js';

/** Issue 9's target; Slack itself gives up after 3 s. */
const ACK_TARGET_MS = 100;
const HEAD = DEMO_IDENTITIES.head.slackUserId;
let sequence = 0;

type Body = { raw: string; contentType: string };

const KINDS: Array<{ name: string; body: (harness: SlackHarness) => Body }> = [
  {
    name: 'DM "find an SLE in maths" (event)',
    body: () => ({
      contentType: 'application/json',
      raw: JSON.stringify({
        token: 'legacy', team_id: TEAM_ID, api_app_id: 'A0S2S', type: 'event_callback', event_id: `EvB${++sequence}`, event_time: 1,
        event: { type: 'message', channel_type: 'im', channel: dmOf(HEAD), user: HEAD, text: 'find an SLE in maths', ts: `${sequence}.0001` },
      }),
    }),
  },
  {
    name: '/s2s my requests (command)',
    body: (harness) => ({
      contentType: 'application/x-www-form-urlencoded',
      raw: new URLSearchParams({
        token: 'legacy', team_id: TEAM_ID, team_domain: 'riverside', channel_id: dmOf(HEAD), channel_name: 'directmessage', user_id: HEAD,
        user_name: 'head', command: '/s2s', text: 'my requests', api_app_id: 'A0S2S', response_url: harness.slack.responseUrl(), trigger_id: `trigger-${++sequence}`,
      }).toString(),
    }),
  },
  {
    name: 'Help button (block_actions)',
    body: () => ({
      contentType: 'application/x-www-form-urlencoded',
      raw: new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions', user: { id: HEAD, team_id: TEAM_ID }, team: { id: TEAM_ID }, api_app_id: 'A0S2S', trigger_id: `trigger-${++sequence}`,
          container: { type: 'message', message_ts: '1.0001', channel_id: dmOf(HEAD), is_ephemeral: false },
          channel: { id: dmOf(HEAD), name: 'directmessage' }, message: { ts: '1.0001', type: 'message' },
          actions: [{ type: 'button', action_id: 'menu.help', block_id: 'b1', value: '{}', action_ts: '1' }],
        }),
      }).toString(),
    }),
  },
];

function post(agent: Agent, url: string, body: Body): Promise<number> {
  const headers = { ...signedHeaders(SIGNING_SECRET, body.raw, body.contentType), 'content-length': String(Buffer.byteLength(body.raw)) };
  return new Promise((resolve, reject) => {
    const req = request(`${url}/slack/events`, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body.raw);
  });
}

/**
 * Time from a signed Slack request to Bolt's HTTP acknowledgement, for an event, a slash command
 * and a button, at 1 and 10 requests in flight. The work after the ack (posting to a fake Slack
 * Web API) runs during the measurement, as it would in production.
 */
export async function benchSlackAck({ requests = 200, levels = [1, 10] } = {}): Promise<ReportRow[]> {
  const harness = new SlackHarness();
  await harness.start({ DEMO_SEED: 'on' });
  const rows: ReportRow[] = [];
  try {
    for (const level of levels) {
      for (const kind of KINDS) {
        const agent = new Agent({ keepAlive: true, maxSockets: level });
        const latencies: number[] = [];
        let next = 0;
        let failures = 0;
        await Promise.all(Array.from({ length: level }, async () => {
          while (next < requests) {
            next++;
            const at = performance.now();
            const status = await post(agent, harness.app.url, kind.body(harness));
            latencies.push(performance.now() - at);
            if (status !== 200) failures++;
          }
        }));
        agent.destroy();
        latencies.sort((a, b) => a - b);
        const p = (q: number) => Math.round(percentile(latencies, q) * 10) / 10;
        // Let the work behind the acks finish before the next kind, so kinds do not overlap.
        const apiCalls = await settle(harness);
        rows.push({
          area: 'slack',
          figure: `ack: ${kind.name} @ ${level} in flight`,
          result: `p50 ${p(0.5)} / p95 ${p(0.95)} / p99 ${p(0.99)} ms; ${apiCalls} Slack API calls after the acks${failures ? `; ${failures} not 200` : ''}`,
          target: `p99 ≤ ${ACK_TARGET_MS} ms (Slack gives up at 3 s)`,
          met: p(0.99) < ACK_TARGET_MS && failures === 0 && apiCalls >= requests,
        });
      }
    }
  } finally {
    await harness.stop();
  }
  return rows;
}

/** Waits until the fake Slack API has been quiet for 200 ms; returns how many calls the bot made. */
async function settle(harness: SlackHarness): Promise<number> {
  let last = -1;
  while (harness.slack.calls.length !== last) {
    last = harness.slack.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  harness.slack.clear();
  return last;
}
