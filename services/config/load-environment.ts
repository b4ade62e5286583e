import { parse } from 'dotenv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The process environment, over the defaults in env/.env.local when that file exists.
 * Real environment variables always win, so secrets never need to be in a file.
 */
export function loadEnvironment(env: NodeJS.ProcessEnv, root = process.cwd()): NodeJS.ProcessEnv {
  const file = join(root, 'env', '.env.local');
  if (!existsSync(file)) return env;
  return { ...parse(readFileSync(file)), ...env };
}
