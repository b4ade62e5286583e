import assert from 'node:assert/strict';
import ical from 'node-ical';
import { agreeDemoPlan } from '../../helpers/demo-deployment.js';
import { textOf } from '../../helpers/fake-bot-connector.js';
import { demoTeamsUser, personalChat, TeamsHarness } from '../../helpers/teams-harness.js';

const supporter = demoTeamsUser('supporter');
const head = demoTeamsUser('head');

describe('Teams: the visit calendar link on an agreed plan, served by the bot', function () {
  this.timeout(60_000);
  const harness = new TeamsHarness();
  const links = new Map<string, string>();

  before(async () => {
    await harness.start();
    await harness.install(supporter);
    await harness.install(head);
    await agreeDemoPlan(harness.app.store, harness.clock);
    harness.connector.clear();
    await harness.app.outbox.runOnce();
    for (const user of [supporter, head]) {
      // The plan card is posted once and then updated in place, so the agreed plan may be either.
      const chat = personalChat(user).conversationId;
      const agreed = [...harness.connector.posted(chat), ...harness.connector.updates(chat)].map(textOf).find((text) => /Supporter ✓, Alliance ✓, School ✓/.test(text)) ?? '';
      links.set(user.name, /Add the visits to your calendar \(Outlook, Google\): https?:\/\/[^/\s]+(\/calendar\/\S+)/.exec(agreed)?.[1] ?? '');
    }
  });
  after(() => harness.stop());

  const get = (path: string) => fetch(`${harness.app.url}${path}`);

  it('sends the supporter and the head each their own link once the plan is agreed', () => {
    assert.match(links.get('Priya Shah') ?? '', /^\/calendar\/.+\/visits\.ics\?sig=[\w-]+$/);
    assert.match(links.get('Mark Davies') ?? '', /^\/calendar\/.+\/visits\.ics\?sig=[\w-]+$/);
    assert.notEqual(links.get('Priya Shah'), links.get('Mark Davies'));
  });

  it('serves the visits as an iCalendar file that an independent parser reads', async () => {
    const response = await get(links.get('Priya Shah')!);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="support-visits\.ics"/);
    const events = Object.values(ical.sync.parseICS(await response.text())).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    assert.deepEqual(events.map((e) => e.uid.replace(/^deployment-.+-visit-/, 'visit-')).sort(), ['visit-1@s2s-bot', 'visit-2@s2s-bot']);
    assert.deepEqual(events.map((e) => e.start.toISOString().slice(0, 10)).sort(), ['2026-12-01', '2026-12-08']);
    assert.equal((await get(links.get('Mark Davies')!)).status, 200);
  });

  it('refuses a tampered signature or another person\'s address with the same 404', async () => {
    const priya = links.get('Priya Shah')!;
    const tampered = priya.replace(/sig=([\w-])/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const mark = links.get('Mark Davies')!;
    const swapped = `${mark.split('?')[0]}?${priya.split('?')[1]}`;
    for (const path of [tampered, swapped, priya.split('?')[0]]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(await response.text(), 'This calendar link is not valid.');
    }
  });
});
