import assert from 'node:assert/strict';
import { appHomeOpened } from '../../../../../bot/slack/listeners/events/app-home-opened.js';
import { card, heading } from '../../../../../cards/message-card.js';
import { buildArgs } from '../../../../helpers/slack-listener-args.js';

const opened = (tab: string) => ({ type: 'app_home_opened', user: 'U0DEMOHEAD', channel: 'D0HEAD', tab });

describe('appHomeOpened', () => {
  it('publishes the "my requests" card as the Home tab', async () => {
    const args = buildArgs({ result: { replies: [{ kind: 'card', card: card("Your school's requests", [heading("Your school's requests")]) }] } });
    await appHomeOpened(args.turns)({ ...args, event: opened('home'), body: { team_id: 'T0DEMO' } } as never);
    assert.deepEqual(args.turnsSeen[0], { ...args.turnsSeen[0], kind: 'action', actionId: 'menu.my-requests' });
    const [publish] = args.calls;
    assert.equal(publish.method, 'views.publish');
    assert.equal(publish.args.user_id, 'U0DEMOHEAD');
    assert.match(JSON.stringify(publish.args.view), /"type":"home".*Your school's requests/);
  });

  it('does nothing for the Messages tab', async () => {
    const args = buildArgs();
    await appHomeOpened(args.turns)({ ...args, event: opened('messages'), body: {} } as never);
    assert.equal(args.turnsSeen.length, 0);
  });

  it('logs a failed turn without publishing', async () => {
    const args = buildArgs({ turnFails: true });
    await appHomeOpened(args.turns)({ ...args, event: opened('home'), body: { team_id: 'T0DEMO' } } as never);
    assert.equal(args.errors.length, 1);
    assert.equal(args.calls.length, 0);
  });
});
