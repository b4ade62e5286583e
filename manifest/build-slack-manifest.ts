import type { webApi } from '@slack/bolt';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../services/errors.js';
import { fillPlaceholders, type PackageVariables } from './package-environment.js';

export const SLACK_MANIFEST_FILE = fileURLToPath(new URL('./slack-app-manifest.yml', import.meta.url));

type SlackManifest = webApi.AppsManifestValidateArguments['manifest'];
type BotScopes = NonNullable<NonNullable<NonNullable<SlackManifest['oauth_config']>['scopes']>['bot']>;
type BotEvents = NonNullable<NonNullable<NonNullable<SlackManifest['settings']>['event_subscriptions']>['bot_events']>;

/**
 * What the Slack edge in bot/slack serves (a test keeps the path in step). The manifest asks for
 * exactly these scopes and events: no more (least privilege), no fewer.
 */
export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_COMMAND = '/s2s';
export const BOT_SCOPES = [
  'app_mentions:read', 'channels:read', 'chat:write', 'commands', 'groups:read',
  'im:history', 'im:read', 'im:write', 'users:read', 'users:read.email',
] as const satisfies BotScopes;
export const BOT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'] as const satisfies BotEvents;

const EVENTS_URL = new RegExp(`^https://[a-z0-9-]+(\\.[a-z0-9-]+)*(:\\d+)?${SLACK_EVENTS_PATH}$`, 'i');

// Slack publishes no offline schema (apps.manifest.validate is a network call), so this is the
// documented shape and limits of the parts we use; strict objects catch misspelt keys.
const httpsUrl = z.string().regex(/^https:\/\/[^\s/]+\//, 'must be an https URL');
const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.number().int().min(0) }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().max(140),
    background_color: z.string().regex(/^#([0-9a-fA-F]{3}){1,2}$/),
    long_description: z.string().min(175).max(4000),
  }),
  features: z.strictObject({
    app_home: z.strictObject({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
    bot_user: z.strictObject({ display_name: z.string().max(80).regex(/^[a-z0-9._-]+$/), always_online: z.boolean() }),
    slash_commands: z.array(z.strictObject({
      command: z.string().regex(/^\/[\w-]{1,31}$/),
      url: httpsUrl.optional(),
      description: z.string().min(1).max(2000),
      usage_hint: z.string().max(1000).optional(),
      should_escape: z.boolean(),
    })).max(50),
  }),
  oauth_config: z.strictObject({ scopes: z.strictObject({ bot: z.array(z.enum(BOT_SCOPES)) }) }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: httpsUrl.optional(), bot_events: z.array(z.enum(BOT_EVENTS)) }),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: httpsUrl.optional() }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});
type CheckedManifest = z.infer<typeof manifestSchema>;

/**
 * Everything wrong with a filled-in manifest, or nothing: Slack's limits, then whether it asks for
 * every scope, event and URL the bot's Slack edge needs.
 */
export function checkSlackManifest(document: unknown): string[] {
  const parsed = manifestSchema.safeParse(document);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'manifest'}: ${issue.message}`);
  const m = parsed.data;
  const problems: string[] = [];
  const scopes = new Set(m.oauth_config.scopes.bot);
  const events = new Set(m.settings.event_subscriptions.bot_events);
  for (const scope of BOT_SCOPES) if (!scopes.has(scope)) problems.push(`oauth_config.scopes.bot: missing ${scope}`);
  for (const event of BOT_EVENTS) if (!events.has(event)) problems.push(`settings.event_subscriptions.bot_events: missing ${event}`);
  const command = m.features.slash_commands.find((c) => c.command === SLACK_COMMAND);
  if (!command) problems.push(`features.slash_commands: missing ${SLACK_COMMAND}`);
  const home = m.features.app_home;
  if (!home.home_tab_enabled || !home.messages_tab_enabled || home.messages_tab_read_only_enabled) {
    problems.push('features.app_home: the Home tab and a writable Messages tab must be enabled');
  }
  if (!m.settings.interactivity.is_enabled) problems.push('settings.interactivity.is_enabled: forms and buttons need interactivity');
  if (!m.settings.socket_mode_enabled) {
    const urls = {
      'settings.event_subscriptions.request_url': m.settings.event_subscriptions.request_url,
      'settings.interactivity.request_url': m.settings.interactivity.request_url,
      [`features.slash_commands ${SLACK_COMMAND} url`]: command?.url,
    };
    for (const [where, url] of Object.entries(urls)) {
      if (!url || !EVENTS_URL.test(url)) problems.push(`${where}: over HTTP must be https://<bot domain>${SLACK_EVENTS_PATH}, found ${url}`);
    }
  }
  return problems;
}

/**
 * The manifest to paste into Slack for one environment, as YAML. Over HTTP every request URL points
 * at the bot's domain; in Socket Mode the URLs are dropped (Slack sends events over the socket), so
 * no domain is needed. Throws one ConfigError listing every problem.
 */
export function buildSlackManifest(variables: PackageVariables, options: { socketMode: boolean }, file = SLACK_MANIFEST_FILE): string {
  let template: unknown;
  try {
    template = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file} is not readable YAML: ${(error as Error).message}`);
  }
  const shape = manifestSchema.safeParse(template);
  if (!shape.success) throw manifestError(file, checkSlackManifest(template));
  const manifest = fillPlaceholders(options.socketMode ? withoutRequestUrls(shape.data) : shape.data, variables);
  const problems = checkSlackManifest(manifest);
  if (problems.length) throw manifestError(file, problems);
  const checked: SlackManifest = manifest;
  return stringify(checked, { lineWidth: 0 });
}

function withoutRequestUrls(template: CheckedManifest): CheckedManifest {
  const { features, settings } = template;
  const { request_url: _events, ...eventSubscriptions } = settings.event_subscriptions;
  const { request_url: _interactivity, ...interactivity } = settings.interactivity;
  return {
    ...template,
    features: { ...features, slash_commands: features.slash_commands.map(({ url: _url, ...command }) => command) },
    settings: { ...settings, socket_mode_enabled: true, event_subscriptions: eventSubscriptions, interactivity },
  };
}

function manifestError(file: string, problems: string[]): ConfigError {
  return new ConfigError(`${file} is not a valid Slack app manifest:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
