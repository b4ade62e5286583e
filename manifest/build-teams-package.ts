import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../services/errors.js';
import { fillPlaceholders, type PackageVariables } from './package-environment.js';
import { checkTeamsIcons } from './teams-icons.js';

/** manifest/teams: manifest.json with ${{NAME}} placeholders, color.png and outline.png. */
export const TEAMS_MANIFEST_DIR = fileURLToPath(new URL('./teams/', import.meta.url));

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/;
const bundledSchemas = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/**
 * Schema errors for a manifest, or none. Only schemas bundled with @microsoft/app-manifest are used:
 * a $schema it does not bundle is an error rather than a download, so packaging works offline.
 */
export async function validateTeamsManifest(manifest: unknown): Promise<string[]> {
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return ['the manifest is not a JSON object'];
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  const version = typeof schemaUrl === 'string' ? SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  const schemaFile = version && join(bundledSchemas, version, 'MicrosoftTeams.schema.json');
  if (!schemaFile || !existsSync(schemaFile)) {
    return [`$schema ${JSON.stringify(schemaUrl)} is not a Teams manifest schema bundled with @microsoft/app-manifest`];
  }
  // Later bundled schemas contain \a and \v escapes, which JSON.parse rejects; the library does the same.
  const schemaText = readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, JSON.parse(schemaText) as ManifestSchema);
}

/**
 * The Teams app package (a zip of manifest.json and its two icons) for one environment's values.
 * Throws one ConfigError listing every schema and icon problem, so nothing invalid is ever written.
 */
export async function buildTeamsPackage(variables: PackageVariables, manifestDir = TEAMS_MANIFEST_DIR): Promise<Uint8Array> {
  const manifestFile = join(manifestDir, 'manifest.json');
  let template: unknown;
  try {
    template = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${manifestFile} is not readable JSON: ${(error as Error).message}`);
  }
  const manifest = fillPlaceholders(template, variables);
  const problems = await validateTeamsManifest(manifest);
  if (problems.length) throw packageError(manifestFile, problems);

  const { icons } = manifest as TeamsManifest;
  const iconPaths = { color: icons.color, outline: icons.outline };
  for (const path of Object.values(iconPaths)) {
    if (isAbsolute(path) || normalize(path).startsWith('..')) problems.push(`icon ${path}: must be a path inside ${manifestDir}`);
    else if (!existsSync(join(manifestDir, path))) problems.push(`icon ${path}: file not found`);
  }
  if (problems.length) throw packageError(manifestFile, problems);
  const color = readFileSync(join(manifestDir, iconPaths.color));
  const outline = readFileSync(join(manifestDir, iconPaths.outline));
  problems.push(...checkTeamsIcons(color, outline));
  if (problems.length) throw packageError(manifestFile, problems);

  return zipSync({
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    [iconPaths.color]: color,
    [iconPaths.outline]: outline,
  });
}

function packageError(manifestFile: string, problems: string[]): ConfigError {
  return new ConfigError(`${manifestFile} does not make a valid Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
