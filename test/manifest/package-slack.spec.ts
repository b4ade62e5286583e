import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { SLACK_EVENTS_PATH as SERVED_PATH } from '../../bot/slack/create-slack-edge.js';
import {
  BOT_EVENTS, BOT_SCOPES, buildSlackManifest, checkSlackManifest, SLACK_EVENTS_PATH, SLACK_MANIFEST_FILE,
} from '../../manifest/build-slack-manifest.js';
import { ConfigError } from '../../services/errors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VARIABLES = { BOT_DOMAIN: 's2s-dev-app.azurewebsites.net' };
const EVENTS_URL = 'https://s2s-dev-app.azurewebsites.net/slack/events';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url?: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const template = () => parse(readFileSync(SLACK_MANIFEST_FILE, 'utf8')) as Manifest;
const filled = (): Manifest => parse(buildSlackManifest(VARIABLES, { socketMode: false })) as Manifest;

function buildFrom(manifest: unknown, variables: Record<string, string | undefined> = VARIABLES): string {
  const dir = mkdtempSync(join(tmpdir(), 's2s-slack-manifest-'));
  try {
    const file = join(dir, 'slack-app-manifest.yml');
    writeFileSync(file, stringify(manifest));
    return buildSlackManifest(variables, { socketMode: false }, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected the manifest to be refused');
}

describe('Slack app manifest', () => {
  it('sends Slack to the path the Slack edge serves', () => {
    assert.equal(SLACK_EVENTS_PATH, SERVED_PATH);
  });

  it('over HTTP: points the events, interactivity and /s2s URLs at the bot domain', () => {
    const manifest = filled();
    assert.deepEqual(checkSlackManifest(manifest), []);
    assert.equal(manifest.settings.socket_mode_enabled, false);
    assert.equal(manifest.settings.event_subscriptions.request_url, EVENTS_URL);
    assert.equal(manifest.settings.interactivity.request_url, EVENTS_URL);
    assert.deepEqual(manifest.features.slash_commands, [{ ...manifest.features.slash_commands[0], command: '/s2s', url: EVENTS_URL }]);
  });

  it('asks for exactly the scopes and events the Slack edge uses', () => {
    const manifest = filled();
    assert.deepEqual([...manifest.oauth_config.scopes.bot].sort(), [...BOT_SCOPES].sort());
    assert.deepEqual([...manifest.settings.event_subscriptions.bot_events].sort(), [...BOT_EVENTS].sort());
  });

  it('in Socket Mode: no request URLs, so no domain is needed', () => {
    const manifest = parse(buildSlackManifest({}, { socketMode: true })) as Manifest;
    assert.deepEqual(checkSlackManifest(manifest), []);
    assert.equal(manifest.settings.socket_mode_enabled, true);
    assert.equal(manifest.settings.event_subscriptions.request_url, undefined);
    assert.equal(manifest.settings.interactivity.request_url, undefined);
    assert.equal(manifest.features.slash_commands[0].url, undefined);
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('over HTTP, names BOT_DOMAIN when it is not set', () => {
    assert.match(refusal(() => buildSlackManifest({}, { socketMode: false })), /BOT_DOMAIN/);
  });

  it('refuses a domain given as a URL', () => {
    const message = refusal(() => buildSlackManifest({ BOT_DOMAIN: 'https://s2s.example.org' }, { socketMode: false }));
    assert.match(message, /settings\.event_subscriptions\.request_url: over HTTP must be https:\/\/<bot domain>\/slack\/events/);
  });

  it('refuses a scope the bot does not use (least privilege)', () => {
    const manifest = template();
    manifest.oauth_config.scopes.bot.push('channels:history');
    assert.match(refusal(() => buildFrom(manifest)), /oauth_config\.scopes\.bot\.10: Invalid option/);
  });

  it('refuses a manifest missing a scope or an event the bot needs', () => {
    const manifest = template();
    manifest.oauth_config.scopes.bot = manifest.oauth_config.scopes.bot.filter((scope) => scope !== 'im:history');
    manifest.settings.event_subscriptions.bot_events = ['app_mention', 'message.im'];
    const message = refusal(() => buildFrom(manifest));
    assert.match(message, /oauth_config\.scopes\.bot: missing im:history/);
    assert.match(message, /settings\.event_subscriptions\.bot_events: missing app_home_opened/);
  });

  it('refuses a misspelt key and Slack limits such as the 35-character name', () => {
    const manifest = template() as Manifest & { display_information: { name: string }; settings: { bot_event?: string[] } };
    manifest.display_information.name = 'School-to-school support for the whole alliance';
    manifest.settings.bot_event = ['app_mention'];
    const message = refusal(() => buildFrom(manifest));
    assert.match(message, /display_information\.name: Too big/);
    assert.match(message, /settings: Unrecognized key: "bot_event"/);
  });

  describe('npm run package:slack', function () {
    this.timeout(60_000);
    let out: string;
    beforeEach(() => (out = mkdtempSync(join(tmpdir(), 's2s-slack-out-'))));
    afterEach(() => rmSync(out, { recursive: true, force: true }));

    const packageSlack = (env: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-slack.ts', '--env', env, '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });

    it('writes slack-app-manifest.<env>.yml, and .socket-mode.yml for Socket Mode', () => {
      for (const [args, name] of [[[], 'slack-app-manifest.local.yml'], [['--socket-mode'], 'slack-app-manifest.local.socket-mode.yml']] as const) {
        const run = packageSlack('local', ...args);
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(checkSlackManifest(parse(readFileSync(join(out, name), 'utf8'))), []);
      }
    });

    it('exits 1 for an environment that does not exist', () => {
      const run = packageSlack('nowhere');
      assert.equal(run.status, 1);
      assert.match(run.stderr, /env\/\.env\.nowhere does not exist/);
      assert.ok(!existsSync(join(out, 'slack-app-manifest.nowhere.yml')));
    });
  });
});
