import { z } from 'zod';
import { ConfigError } from '../errors.js';

const optionalText = z.string().trim().min(1).optional();
const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

/** Every setting the bot reads, by its environment variable name. env/.env.example documents each. */
const environmentSchema = z.object({
  S2S_MODE: z.enum(['local', 'production']).default('local'),
  // 0 asks the system for a free port (tests and benchmarks).
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  // Local mode has no authentication, so it listens on loopback unless HOST says otherwise.
  HOST: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SQLITE_PATH: z.string().min(1).default('data/s2s.db'),
  COSMOS_ENDPOINT: z.url('must be a URL such as https://myaccount.documents.azure.com:443/').optional(),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().min(1).default('s2s'),
  COSMOS_CONTAINER: z.string().min(1).default('records'),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  // Where Bot Framework token signing keys are published; unset means the public Bot Framework cloud.
  BOT_OPENID_METADATA_URL: z.url().optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().optional(),
  SLACK_BOT_ID: optionalText,
  SLACK_BOT_USER_ID: optionalText,
  DEMO_SEED: flag.optional(),
  SCHEDULER: flag.default(true),
  DIGEST_CRON: z.string().min(9).default('0 8 * * 1'),
  DIGEST_TIMEZONE: z.string().min(1).default('Europe/London'),
  WORKSPACE_URL: z.url('must be the public https URL the bot is reached on, such as https://s2s.example.org').optional(),
  WORKSPACE_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  TEAMS_SSO_APP_ID: optionalText,
  TEAMS_SSO_RESOURCE: optionalText,
  TEAMS_SSO_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int('use whole days').min(1).max(3650).default(30),
});

type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  mode: 'local' | 'production';
  port: number;
  host: string;
  logLevel: Environment['LOG_LEVEL'];
  store:
    | { kind: 'sqlite'; path: string }
    | { kind: 'cosmos'; endpoint: string; key?: string; database: string; container: string };
  teams: {
    /** Whether /api/messages is served: always in local mode, in production only with an app id (so with JWT checks). */
    enabled: boolean;
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: Environment['MICROSOFT_APP_TYPE'];
    openIdMetadataUrl?: string;
  };
  slack?: { signingSecret: string; botToken: string; appToken?: string; apiUrl?: string; botId?: string; botUserId?: string };
  demoSeed: boolean;
  scheduler: { enabled: boolean; digestCron: string; timeZone: string; retentionDays?: number };
  workspace: WorkspaceConfig;
}

/** The manager's web workspace under /workspace (bot/workspace). */
export interface WorkspaceConfig {
  /** Public base URL for sign-in links; local mode defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Seals session cookies; local mode makes a random one per process when unset. */
  sessionSecret?: string;
  /** Teams tab SSO: the Entra app the tab's token is issued for. Unset turns Teams SSO off. */
  teamsSso?: { appId: string; resource?: string; tenantId?: string; jwksUrl: string };
}

/**
 * Reads and checks the environment once at start-up. Any problem throws one ConfigError that names
 * every variable at fault, so a misconfigured deployment is fixed in one pass.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = environmentSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(describe(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`)));
  }
  const e = parsed.data;
  const problems = crossFieldProblems(e);
  if (problems.length) throw new ConfigError(describe(problems));

  const production = e.S2S_MODE === 'production';
  return {
    mode: e.S2S_MODE,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    logLevel: e.LOG_LEVEL,
    store: e.COSMOS_ENDPOINT
      ? { kind: 'cosmos', endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE, container: e.COSMOS_CONTAINER }
      : { kind: 'sqlite', path: e.SQLITE_PATH },
    teams: {
      enabled: !production || Boolean(e.MICROSOFT_APP_ID),
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    slack: e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
      ? {
        signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL,
        botId: e.SLACK_BOT_ID, botUserId: e.SLACK_BOT_USER_ID,
      }
      : undefined,
    demoSeed: production ? false : (e.DEMO_SEED ?? true),
    scheduler: { enabled: e.SCHEDULER, digestCron: e.DIGEST_CRON, timeZone: e.DIGEST_TIMEZONE, retentionDays: e.OUTBOX_RETENTION_DAYS },
    workspace: workspaceConfig(e),
  };
}

function workspaceConfig(e: Environment): WorkspaceConfig {
  const ssoAppId = e.TEAMS_SSO_APP_ID ?? e.MICROSOFT_APP_ID;
  const publicUrl = (e.WORKSPACE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    publicUrl,
    sessionSecret: e.WORKSPACE_SESSION_SECRET,
    teamsSso: ssoAppId
      // The tab's webApplicationInfo.resource: api://<the workspace's host>/<app id> unless set.
      ? { appId: ssoAppId, resource: e.TEAMS_SSO_RESOURCE ?? `api://${new URL(publicUrl).host}/${ssoAppId}`, tenantId: e.MICROSOFT_APP_TENANT_ID, jwksUrl: e.TEAMS_SSO_JWKS_URL }
      : undefined,
  };
}

function crossFieldProblems(e: Environment): string[] {
  const problems: string[] = [];
  if (Boolean(e.SLACK_SIGNING_SECRET) !== Boolean(e.SLACK_BOT_TOKEN)) {
    problems.push(`${e.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET'}: Slack needs both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN`);
  }
  if (e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (or set MICROSOFT_APP_TYPE=UserAssignedMSI)');
  }
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TENANT_ID: required for a SingleTenant app');
  }
  if (e.S2S_MODE === 'production') {
    if (!e.MICROSOFT_APP_ID && !e.SLACK_SIGNING_SECRET) {
      problems.push('MICROSOFT_APP_ID: production needs Teams credentials (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD) or Slack secrets (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)');
    }
    if (!e.WORKSPACE_URL) problems.push('WORKSPACE_URL: production sends sign-in links to the workspace; set the public https URL');
    if (!e.WORKSPACE_SESSION_SECRET) problems.push('WORKSPACE_SESSION_SECRET: production seals workspace sessions with it; set at least 32 random characters');
    if (!e.COSMOS_ENDPOINT) problems.push('COSMOS_ENDPOINT: production stores records in Azure Cosmos DB; set the account endpoint');
  }
  return problems;
}

function describe(problems: string[]): string {
  return `The bot cannot start because its configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n` +
    problems.map((p) => `  - ${p}`).join('\n') +
    '\nSee env/.env.example for what each variable means.';
}
