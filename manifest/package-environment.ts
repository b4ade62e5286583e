import { parse } from 'dotenv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../services/errors.js';

export type PackageVariables = Record<string, string | undefined>;

const PLACEHOLDER = /\$\{\{\s*([A-Z][A-Z0-9_]*)\s*\}\}/g;

/**
 * The values for an environment's packages: env/.env.<name> (the Agents Toolkit convention), with
 * real environment variables winning, as at run time. Packaging needs no secrets, so *.user files
 * are not read.
 */
export function readPackageEnvironment(name: string, env: NodeJS.ProcessEnv, root: string): PackageVariables {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new ConfigError(`Environment name "${name}" must be lower-case letters, digits and hyphens.`);
  const file = join(root, 'env', `.env.${name}`);
  if (!existsSync(file)) throw new ConfigError(`env/.env.${name} does not exist; copy env/.env.dev to start a new environment.`);
  return { ...parse(readFileSync(file)), ...env };
}

/**
 * Replaces every ${{NAME}} in the document's strings with its value. Works on the parsed document,
 * so a value with quotes or colons cannot break the JSON or YAML around it. Throws one error naming
 * every variable that is unset or empty.
 */
export function fillPlaceholders<T>(document: T, variables: PackageVariables): T {
  const missing = new Set<string>();
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (_, name: string) => {
        const replacement = variables[name]?.trim();
        if (!replacement) missing.add(name);
        return replacement ?? '';
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
    return value;
  };
  const filled = fill(document) as T;
  if (missing.size) {
    throw new ConfigError(`Set these variables in env/ or the environment: ${[...missing].sort().join(', ')}`);
  }
  return filled;
}
