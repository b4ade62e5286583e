import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { FIND_EXPERT_COMMAND } from '../../bot/teams/message-extension.js';
import { buildTeamsPackage, TEAMS_MANIFEST_DIR, validateTeamsManifest } from '../../manifest/build-teams-package.js';
import { readPackageEnvironment } from '../../manifest/package-environment.js';
import { checkTeamsIcons } from '../../manifest/teams-icons.js';
import { ConfigError } from '../../services/errors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The committed local values, without this machine's environment getting in the way.
const LOCAL = readPackageEnvironment('local', {}, ROOT);

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set(paint(x, y), (y * width + x) * 4);
  return PNG.sync.write(image);
}

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('Teams app package', function () {
  // Each build validates against the official schema twice; a busy two-core machine needs the room.
  this.timeout(60_000);
  describe('buildTeamsPackage', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 's2s-teams-package-'));
      cpSync(TEAMS_MANIFEST_DIR, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function editManifest(edit: (manifest: TeamsManifest) => object): void {
      const file = join(dir, 'manifest.json');
      writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')) as TeamsManifest)));
    }

    it('zips a manifest that the official schema accepts, with both icons and every placeholder filled', async () => {
      const files = unzipSync(await buildTeamsPackage(LOCAL));
      assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8')) as TeamsManifest;
      // The library's own schema lookup, as a second opinion on the bundled schema.
      assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest), []);
      // 1.25 is the first manifest whose apps work in shared channels across organisations.
      assert.ok(Number(manifest.manifestVersion) >= 1.25);
      const channels = manifest as { supportedChannelTypes?: string[]; supportsChannelFeatures?: string };
      assert.deepEqual(channels.supportedChannelTypes, ['sharedChannels', 'privateChannels']);
      assert.equal(channels.supportsChannelFeatures, 'tier1');
      assert.equal(manifest.id, LOCAL.TEAMS_APP_ID);
      assert.deepEqual(manifest.validDomains, [LOCAL.BOT_DOMAIN]);
      assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
      const [bot] = manifest.bots ?? [];
      assert.equal(bot.botId, LOCAL.BOT_ID);
      assert.deepEqual(bot.scopes, ['personal', 'team']);
      const personal = bot.commandLists?.find((list) => list.scopes.includes('personal'));
      assert.deepEqual(personal?.commands.map((c) => c.title), ['request support', 'find an SLE', 'submit visit report', 'my requests', 'help']);
      const [search] = manifest.composeExtensions ?? [];
      assert.equal(search.botId, LOCAL.BOT_ID);
      // The id the bot answers to (bot/teams/message-extension.ts), in the compose box and the command box.
      const commands = (search.commands ?? []) as Array<{ id: string; type?: string; context?: string[] }>;
      assert.deepEqual(commands.map((c) => [c.id, c.type, c.context]), [[FIND_EXPERT_COMMAND, 'query', ['compose', 'commandBox']]]);
      assert.deepEqual(checkTeamsIcons(Buffer.from(files['color.png']), Buffer.from(files['outline.png'])), []);
    });

    it('carries the workspace as a personal tab and a channel tab, with the SSO resource the workspace checks', async () => {
      const manifest = JSON.parse(Buffer.from(unzipSync(await buildTeamsPackage(LOCAL))['manifest.json']).toString('utf8')) as TeamsManifest;
      const [personalTab] = manifest.staticTabs ?? [];
      assert.equal(personalTab?.contentUrl, `https://${LOCAL.BOT_DOMAIN}/workspace/teams`);
      assert.deepEqual(personalTab?.scopes, ['personal']);
      const [channelTab] = manifest.configurableTabs ?? [];
      assert.equal(channelTab?.configurationUrl, `https://${LOCAL.BOT_DOMAIN}/workspace/teams/configure`);
      assert.deepEqual(channelTab?.scopes, ['team']);
      assert.deepEqual((manifest as { webApplicationInfo?: unknown }).webApplicationInfo, { id: LOCAL.BOT_ID, resource: `api://${LOCAL.BOT_DOMAIN}/${LOCAL.BOT_ID}` });
    });

    it('refuses a manifest the schema rejects, listing each schema error', async () => {
      editManifest(({ developer: _, ...manifest }) => ({ ...manifest, name: { short: 'A name far too long for the Teams app bar' } }));
      const error = await rejection(buildTeamsPackage(LOCAL, dir));
      assert.match(error.message, /does not make a valid Teams app package/);
      assert.match(error.message, /must have required property 'developer'/);
      assert.match(error.message, /\/name\/short must NOT have more than 30 characters/);
    });

    it('refuses a placeholder value the schema rejects', async () => {
      const error = await rejection(buildTeamsPackage({ ...LOCAL, BOT_ID: 'not-a-guid' }, dir));
      assert.match(error.message, /\/bots\/0\/botId must match pattern/);
    });

    it('names every variable that is unset or empty', async () => {
      const error = await rejection(buildTeamsPackage({ ...LOCAL, BOT_ID: undefined, BOT_DOMAIN: ' ' }, dir));
      assert.match(error.message, /BOT_DOMAIN, BOT_ID/);
    });

    it('refuses icons of the wrong size', async () => {
      writeFileSync(join(dir, 'color.png'), png(100, 100, () => [27, 110, 122, 255]));
      const error = await rejection(buildTeamsPackage(LOCAL, dir));
      assert.match(error.message, /color icon: must be 192×192 pixels, found 100×100/);
    });

    it('refuses an icon path that leaves the manifest folder', async () => {
      editManifest((manifest) => ({ ...manifest, icons: { ...manifest.icons, color: '../color.png' } }));
      const error = await rejection(buildTeamsPackage(LOCAL, dir));
      assert.match(error.message, /icon \.\.\/color\.png: must be a path inside/);
    });
  });

  describe('validateTeamsManifest', () => {
    it('never downloads a schema: one that is not bundled is an error', async () => {
      const problems = await validateTeamsManifest({ $schema: 'https://example.org/teams.schema.json', manifestVersion: '1.22' });
      assert.equal(problems.length, 1);
      assert.match(problems[0], /not a Teams manifest schema bundled with @microsoft\/app-manifest/);
    });
  });

  describe('checkTeamsIcons', () => {
    const color = readFileSync(join(TEAMS_MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(join(TEAMS_MANIFEST_DIR, 'outline.png'));

    it('accepts the committed icons', () => {
      assert.deepEqual(checkTeamsIcons(color, outline), []);
    });

    it('refuses an outline icon with colour in it', () => {
      const tinted = png(32, 32, (x) => (x < 16 ? [255, 255, 255, 255] : [27, 110, 122, 255]));
      assert.deepEqual(checkTeamsIcons(color, tinted), ['outline icon: 512 pixels are neither white nor fully transparent']);
    });

    it('accepts white at partial alpha (smooth edges) and colour where fully transparent', () => {
      const soft = png(32, 32, (x) => (x < 16 ? [255, 255, 255, 128] : [0, 0, 0, 0]));
      assert.deepEqual(checkTeamsIcons(color, soft), []);
    });

    it('refuses bytes that are not a PNG', () => {
      assert.match(checkTeamsIcons(Buffer.from('not a png'), outline)[0], /^color icon: not a readable PNG/);
    });
  });

  describe('npm run package:teams', function () {
    this.timeout(60_000);
    let out: string;
    beforeEach(() => (out = mkdtempSync(join(tmpdir(), 's2s-teams-out-'))));
    afterEach(() => rmSync(out, { recursive: true, force: true }));

    function packageTeams(env: NodeJS.ProcessEnv) {
      return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-teams.ts', '--env', 'local', '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    }

    it('writes appPackage.<env>.zip', () => {
      const run = packageTeams({});
      assert.equal(run.status, 0, run.stderr);
      assert.ok(existsSync(join(out, 'appPackage.local.zip')));
    });

    it('exits 1 with the schema errors and writes nothing for an invalid manifest', () => {
      // A real environment variable wins over env/.env.local, as at run time.
      const run = packageTeams({ BOT_ID: 'not-a-guid' });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /\/bots\/0\/botId must match pattern/);
      assert.ok(!existsSync(join(out, 'appPackage.local.zip')));
    });
  });
});
