import assert from 'node:assert/strict';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import { executeActions } from '../../helpers/card-actions.js';
import { cardOf, FakeBotConnector } from '../../helpers/fake-bot-connector.js';
import { SlackHarness, supportRequestState } from '../../helpers/slack-harness.js';

const answers = {
  specialisms: ['maths'],
  phase: 'primary',
  need: 'Year 5 and 6 arithmetic outcomes fell sharply this year after staff changes.',
  outcomes: 'Consistent calculation policy and improved KS2 arithmetic scores.',
  daysWanted: '4',
  preferredStart: '2026-12-01',
};

/** A record's shape: every key path with the type of its value, not the values themselves. */
function shapeOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [`${path}: array`, ...value.slice(0, 1).flatMap((item) => shapeOf(item, `${path}[]`))];
  if (value && typeof value === 'object') return Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).flatMap(([key, child]) => shapeOf(child, path ? `${path}.${key}` : key));
  return [`${path}: ${value === null ? 'null' : typeof value}`];
}

describe('Slack and Teams: the same request stores the same record shape', function () {
  this.timeout(60_000);
  // One running bot serves both channels: Slack against a fake Web API, Teams against a fake Bot Connector.
  const harness = new SlackHarness();
  const connector = new FakeBotConnector();
  before(async () => {
    await connector.start();
    await harness.start();
  });
  after(async () => {
    await harness.stop();
    await connector.stop();
  });

  const teamsActivity = (fields: Record<string, unknown>) => ({
    channelId: 'msteams', serviceUrl: connector.url, id: `in-${Math.random()}`,
    from: { id: '29:head', name: 'Mark Davies', aadObjectId: DEMO_IDENTITIES.head.teamsAadObjectId },
    recipient: { id: '28:s2s-bot', name: 'S2S' },
    conversation: { id: 'a:personal-head', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...fields,
  });
  const postTeams = (activity: Record<string, unknown>) => fetch(`${harness.app.url}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity),
  });

  it('has the same keys and value types whichever channel the head used, differing only in createdVia', async () => {
    const head = DEMO_IDENTITIES.head.slackUserId;
    await harness.command(head, 'request support');
    const opened = await harness.slack.waitFor('views.open');
    await harness.submit(head, opened, supportRequestState(answers));
    await harness.slack.waitFor('chat.postMessage', (c) => c.body.channel === head);

    await postTeams(teamsActivity({ type: 'message', text: 'request support' }));
    const form = connector.calls.find((c) => c.method === 'POST' && executeActions(cardOf(c)).some((a) => a.verb === 'support-request.submit'));
    const submit = executeActions(cardOf(form!)).find((a) => a.verb === 'support-request.submit')!;
    const response = await postTeams(teamsActivity({
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'form-card',
      value: { action: { type: 'Action.Execute', verb: submit.verb, data: { ...submit.data, ...answers, specialisms: 'maths' } } },
    }));
    assert.equal(response.status, 200);

    const stored = await harness.app.store.query<SupportRequest>(DEMO_ALLIANCE_ID, { type: 'supportRequest', orderBy: [{ field: 'reference' }] });
    assert.equal(stored.length, 2);
    const [fromSlack, fromTeams] = stored;
    assert.equal(fromSlack.createdVia, 'slack');
    assert.equal(fromTeams.createdVia, 'teams');
    assert.deepEqual(shapeOf(fromSlack), shapeOf(fromTeams));
    const answered = (r: SupportRequest) => ({ specialisms: r.specialisms, phase: r.phase, need: r.need, outcomes: r.outcomes, daysWanted: r.daysWanted, preferredStart: r.preferredStart, status: r.status });
    assert.deepEqual(answered(fromSlack), answered(fromTeams));
  });
});
